package io.wagate.contracts.session;

import io.wagate.contracts.EventType;

/** Connect the instance and keep it connected (its desired state becomes connected). */
@EventType("io.wagate.session.command.connect.v1")
public record ConnectSession(String instanceName, Engine engine, String requestedBy) implements SessionCommand {
}
