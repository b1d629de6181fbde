package io.wagate.contracts.session;

import io.wagate.contracts.EventType;

/** Link by pairing code instead of QR: the phone number (digits with country code) that will enter the code. */
@EventType("io.wagate.session.command.request_pairing_code.v1")
public record RequestPairingCode(String phoneNumber, String requestedBy) implements SessionCommand {
}
