/**
 * The local infrastructure behind {@code ./wagate up}: PostgreSQL (official binaries from Maven Central), Redis
 * (a binary shipped in a jar) and a single-node KRaft Kafka broker, each keeping its data under the run's data
 * folder so that a restart finds tenants, instances and credentials where they were.
 */
@NullMarked
package io.wagate.devstack;

import org.jspecify.annotations.NullMarked;
