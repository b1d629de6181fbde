package io.wagate.contracts.session;

import io.wagate.contracts.EventType;

/** Drop the credentials without contacting the phone and start over with a fresh QR code. */
@EventType("io.wagate.session.command.reset.v1")
public record ResetSession(String requestedBy) implements SessionCommand {
}
