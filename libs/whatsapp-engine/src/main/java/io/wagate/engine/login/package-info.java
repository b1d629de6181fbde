/**
 * Linking and logging in: the ClientPayload for registration and login, QR strings, verification of the phone's
 * pair-success (ADV HMAC, account signature) and our device signature, and the pairing-code exchange. The pieces
 * the sandbox also needs (QR format, device-identity signing rules) are public here so both sides agree by
 * construction.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.login;
