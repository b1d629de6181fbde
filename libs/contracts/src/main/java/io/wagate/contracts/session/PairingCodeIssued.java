package io.wagate.contracts.session;

import io.wagate.contracts.EventType;
import java.time.Instant;

/** The 8-character code to enter on the phone, shown as XXXX-XXXX. */
@EventType("io.wagate.session.pairing_code_issued.v1")
public record PairingCodeIssued(long sequence, String code, String phoneNumber, Instant expiresAt)
        implements SessionEvent {
}
