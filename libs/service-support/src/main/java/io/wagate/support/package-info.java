/**
 * Conventions every WaGate service gets by depending on this library: safe defaults for actuator, logging and
 * Kafka, request ids, RFC 9457 problem+json errors, the event publisher and deduplicating consumer, and the
 * transactional outbox. Everything is auto-configured; a service only adds its own code and configuration.
 */
@NullMarked
package io.wagate.support;

import org.jspecify.annotations.NullMarked;
