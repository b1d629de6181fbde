/**
 * The only coupling between WaGate services besides HTTP: the CloudEvents 1.0 envelope ({@link io.wagate.contracts.CloudEvent}),
 * its JSON codec, the catalogue of event types and the Kafka topic names. Spring-free and framework-free on purpose,
 * so that any service, tool or test can speak the platform's events.
 */
@NullMarked
package io.wagate.contracts;

import org.jspecify.annotations.NullMarked;
