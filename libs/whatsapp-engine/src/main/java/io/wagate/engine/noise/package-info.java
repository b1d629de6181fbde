/**
 * The encrypted transport under WhatsApp Web's binary stanzas: 3-byte length framing with the one-time intro header
 * ({@link io.wagate.engine.noise.FrameCodec}, {@link io.wagate.engine.noise.FrameDecoder}), the
 * Noise_XX_25519_AESGCM_SHA256 handshake in both roles exactly as WhatsApp runs it
 * ({@link io.wagate.engine.noise.NoiseHandshake}), the post-handshake frame cipher
 * ({@link io.wagate.engine.noise.TransportCipher}), and the server certificate chain: verification against a
 * configurable root ({@link io.wagate.engine.noise.CertificateChain}) and issuance for a self-hosted server
 * ({@link io.wagate.engine.noise.CertificateAuthority}). Nothing here does I/O; callers move the bytes.
 */
@NullMarked
package io.wagate.engine.noise;

import org.jspecify.annotations.NullMarked;
