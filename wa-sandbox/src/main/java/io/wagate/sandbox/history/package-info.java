/**
 * The record of every WebSocket connection the sandbox accepted: who it was (once known), when it opened and
 * closed and why. Tests use it to prove that one device never held two live connections at the same time.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.sandbox.history;
