/**
 * Environment conventions: platform-wide defaults (health probes, Prometheus, JSON logs, Kafka serializers) and the
 * derivation of R2DBC and Flyway connection settings from one {@code wagate.postgres.*} block plus the service's
 * schema.
 */
@NullMarked
package io.wagate.support.config;

import org.jspecify.annotations.NullMarked;
