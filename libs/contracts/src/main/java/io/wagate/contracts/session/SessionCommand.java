package io.wagate.contracts.session;

import io.wagate.contracts.EventData;

/**
 * A command for the session-worker that owns an instance. Commands are imperative (they ask for something);
 * what actually happens comes back as session events.
 */
public sealed interface SessionCommand extends EventData
        permits ConnectSession, DisconnectSession, RestartSession, LogoutSession, ResetSession, RequestPairingCode {

    /** Who asked: a user id, an API key id or {@code system}. */
    String requestedBy();
}
