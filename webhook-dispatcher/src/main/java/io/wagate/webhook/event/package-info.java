/**
 * The public webhook event types and how platform events map to them: {@code {type, timestamp, data}} where data
 * holds the instance name and the event's fields, never credentials or internal ids beyond the instance's.
 */
@NullMarked
package io.wagate.webhook.event;

import org.jspecify.annotations.NullMarked;
