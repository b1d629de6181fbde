package io.wagate.contracts.session;

import io.wagate.contracts.EventType;

/**
 * Unlink the device from the phone and delete the credentials. {@code deleteInstance} is set when the instance
 * itself is being deleted, so the worker also forgets it.
 */
@EventType("io.wagate.session.command.logout.v1")
public record LogoutSession(String requestedBy, boolean deleteInstance) implements SessionCommand {
}
