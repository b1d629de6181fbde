/**
 * Session events out: every event takes the instance's next sequence (committed first) and is published straight
 * to {@code wa.session.events} keyed by instance id; the latest QR code is also kept in Redis until it expires.
 */
@NullMarked
package io.wagate.session.events;

import org.jspecify.annotations.NullMarked;
