/**
 * Real infrastructure for tests. {@link io.wagate.testsupport.WagateInfrastructure} on a test class gives it a real
 * PostgreSQL, Redis and Kafka, started once per test JVM and shared: existing servers named by
 * {@code WAGATE_TEST_POSTGRES_URL}, {@code WAGATE_TEST_REDIS_URL} and {@code WAGATE_TEST_KAFKA_BOOTSTRAP} when set;
 * otherwise Testcontainers when a Docker engine answers; otherwise embedded servers (PostgreSQL binaries, a Redis
 * binary and an in-process KRaft broker). Spring tests get the connection properties injected into their context.
 */
@NullMarked
package io.wagate.testsupport;

import org.jspecify.annotations.NullMarked;
