/**
 * Session commands (to the session-workers, on {@code wa.session.commands}) and session events (from them, on
 * {@code wa.session.events}). Every session event carries the instance's monotonically increasing {@code sequence},
 * so that consumers can drop duplicates and reordered deliveries by keeping the highest sequence seen.
 */
@NullMarked
package io.wagate.contracts.session;

import org.jspecify.annotations.NullMarked;
