/**
 * Connection logs: log lines from session events, stored per instance with bounded retention (age and lines per
 * instance, both configurable, enforced by a periodic purge) and served by {@code GET /api/instances/{name}/logs}.
 * Lines are stored by their event sequence, so duplicates are dropped and late lines still land in order.
 */
@NullMarked
package io.wagate.instance.logs;

import org.jspecify.annotations.NullMarked;
