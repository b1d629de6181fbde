/**
 * Storage of idempotent answers. The claim is one upsert, so two concurrent requests with the same key queue on the
 * primary key and the second sees the first's committed answer.
 */
@NullMarked
package io.wagate.instance.lifecycle.internal;

import org.jspecify.annotations.NullMarked;
