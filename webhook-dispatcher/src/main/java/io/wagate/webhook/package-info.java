/**
 * webhook-dispatcher: tenants' webhook endpoints and the signed, retried, isolated delivery of platform events to them, with a delivery log and replay.
 */
@NullMarked
package io.wagate.webhook;

import org.jspecify.annotations.NullMarked;
