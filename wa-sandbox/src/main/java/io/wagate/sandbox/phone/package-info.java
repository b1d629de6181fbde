/**
 * Simulated phones: a number with its account signing key and the companion devices it has linked. The phone side of
 * QR and pairing-code linking lives here, so the protocol server only moves nodes.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.sandbox.phone;
