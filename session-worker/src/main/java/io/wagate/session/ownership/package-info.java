/**
 * Partition ownership: a worker owns the instances whose commands land on its assigned partitions of
 * {@code wa.session.commands}. On assignment it connects the owned instances that should be connected; on
 * revocation it closes them before the next owner takes over.
 */
@NullMarked
package io.wagate.session.ownership;

import org.jspecify.annotations.NullMarked;
