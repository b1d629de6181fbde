/**
 * The {@code sessions} table: which instances exist, what their owners want (desired state), their last reported
 * status and reason, and the per-instance event sequence, which is advanced here before every session event.
 */
@NullMarked
package io.wagate.session.state;

import org.jspecify.annotations.NullMarked;
