package io.wagate.contracts.session;

import io.wagate.contracts.EventType;

/** Close the connection but keep the credentials; the desired state becomes disconnected. */
@EventType("io.wagate.session.command.disconnect.v1")
public record DisconnectSession(String requestedBy) implements SessionCommand {
}
