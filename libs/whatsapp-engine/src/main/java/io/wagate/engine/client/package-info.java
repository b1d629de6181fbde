/**
 * The engine's client API: one {@link io.wagate.engine.client.WhatsAppClient} per linked number, configured by an
 * immutable {@link io.wagate.engine.client.EngineConfig}; {@code connect()} returns the connection's events, ending
 * with a {@link io.wagate.engine.client.ClientEvent.Disconnected} whose {@link io.wagate.engine.client.DisconnectReason}
 * tells the caller what to do next. Reconnection policy belongs to the caller.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.client;
