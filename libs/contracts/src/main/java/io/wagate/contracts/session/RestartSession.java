package io.wagate.contracts.session;

import io.wagate.contracts.EventType;

/** Close and reopen the connection with the stored credentials. */
@EventType("io.wagate.session.command.restart.v1")
public record RestartSession(String requestedBy) implements SessionCommand {
}
