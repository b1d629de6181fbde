package io.wagate.contracts.session;

import io.wagate.contracts.EventData;

/** An event about one instance's session, ordered by the instance's {@link #sequence()}. */
public sealed interface SessionEvent extends EventData
        permits SessionStatusChanged, QrCodeUpdated, PairingCodeIssued, ConnectionLogged, ProfileUpdated {

    /** Per-instance sequence number, strictly increasing across every session event of the instance. */
    long sequence();
}
