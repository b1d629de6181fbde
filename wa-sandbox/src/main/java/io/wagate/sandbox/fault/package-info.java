/**
 * Fault injection: what can go wrong on a connection (stream errors, login failures, a dropped socket, slow frames)
 * and whom it targets (a connection id, a phone number or a device JID). Login failures are armed and fire on the
 * next login of the target; the rest hit live connections at once.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.sandbox.fault;
