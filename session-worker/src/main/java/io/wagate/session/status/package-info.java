/**
 * The session status machine's decisions, free of I/O: what a connection's end means (status, reason, whether and
 * when to reconnect) and the reconnect backoff. Kept pure so that every rule is unit-tested without a socket.
 */
@NullMarked
package io.wagate.session.status;

import org.jspecify.annotations.NullMarked;
