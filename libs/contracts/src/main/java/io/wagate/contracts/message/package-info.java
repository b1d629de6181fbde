/**
 * Message events on {@code wa.message.events}: inbound messages and the status of outbound ones. Content passes
 * through Kafka within its short retention and is never stored by the platform.
 */
@NullMarked
package io.wagate.contracts.message;

import org.jspecify.annotations.NullMarked;
