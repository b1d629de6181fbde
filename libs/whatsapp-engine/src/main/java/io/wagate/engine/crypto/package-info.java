/**
 * Small, stateless cryptographic building blocks of the WhatsApp multi-device protocol, shared by the client engine
 * and the sandbox server: Curve25519 key pairs with X25519 agreement and XEdDSA signatures, HKDF-SHA256, AES-GCM with
 * the protocol's counter IV layout, AES-CTR, PBKDF2, HMAC and digests, and the pairing-code (link code) primitives.
 * Every class works on raw byte arrays because that is how the protocol and its protobufs carry keys.
 */
@NullMarked
package io.wagate.engine.crypto;

import org.jspecify.annotations.NullMarked;
