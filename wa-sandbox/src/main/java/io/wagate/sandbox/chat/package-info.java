/**
 * The protocol server on {@code /ws/chat}: Noise responder with the sandbox's certificate chain, pair-device with
 * rotating refs, the phone's side of QR and pairing-code linking, login of registered devices, the few iqs a fresh
 * session sends, and the faults injected from the HTTP API.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.sandbox.chat;
