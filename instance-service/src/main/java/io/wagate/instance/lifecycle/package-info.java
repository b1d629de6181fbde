/**
 * Lifecycle commands (connect, disconnect, restart, logout, reset, pairing code): each becomes one session command on
 * {@code wa.session.commands}, keyed by the instance id and written through the outbox together with the instance's
 * desired state, and is answered 202 with the command id. An {@code Idempotency-Key} makes a retried request return
 * the first answer instead of sending a second command.
 */
@NullMarked
package io.wagate.instance.lifecycle;

import org.jspecify.annotations.NullMarked;
