/**
 * SQL of the projection. Each update carries the sequence guard in its WHERE clause, so the check and the write are
 * one atomic statement even with concurrent consumers.
 */
@NullMarked
package io.wagate.instance.status.internal;

import org.jspecify.annotations.NullMarked;
