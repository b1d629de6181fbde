/** Plan internals: the Kafka listener that feeds the projection. */
@NullMarked
package io.wagate.gateway.plan.internal;

import org.jspecify.annotations.NullMarked;
