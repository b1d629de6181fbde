/**
 * WABinary, the compact binary XML of the WhatsApp multi-device protocol (dictionary version 3): the immutable
 * {@link io.wagate.engine.binary.Node} stanza model, {@link io.wagate.engine.binary.Jid} addresses, the token
 * dictionaries, and the encoder and decoder of node bytes and of decrypted frame payloads (flag byte plus optional
 * zlib). The decoder treats its input as hostile: every length is checked against the remaining bytes before anything
 * is allocated, and depth, node count and inflated size are capped, so bad input fails fast with
 * {@link io.wagate.engine.binary.MalformedNodeException}.
 */
@NullMarked
package io.wagate.engine.binary;

import org.jspecify.annotations.NullMarked;
