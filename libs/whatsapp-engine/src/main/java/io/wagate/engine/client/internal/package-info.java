/**
 * The connection state machine behind {@link io.wagate.engine.client.WhatsAppClient}: handshake, pairing, login,
 * keep-alive, iq correlation and the classification of how a connection ended.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.client.internal;
