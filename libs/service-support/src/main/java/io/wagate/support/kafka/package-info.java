/**
 * Kafka conventions: events are CloudEvents in structured JSON, keyed by the id that orders them (instance or
 * tenant); producers are idempotent; consumers decode through {@link io.wagate.support.kafka.EventInbox}, which
 * processes each event id once per consumer and sends undecodable or repeatedly failing records to the topic's
 * dead-letter topic instead of blocking the partition.
 */
@NullMarked
package io.wagate.support.kafka;

import org.jspecify.annotations.NullMarked;
