/**
 * SQL of the plan and quota projections. Version checks live in the statements themselves so that concurrent or
 * reordered deliveries cannot overwrite a newer subscription with an older one.
 */
@NullMarked
package io.wagate.instance.plan.internal;

import org.jspecify.annotations.NullMarked;
