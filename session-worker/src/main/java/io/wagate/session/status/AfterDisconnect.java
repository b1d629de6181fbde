package io.wagate.session.status;

import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;

/**
 * What to do when a connection ended on its own (not because a command closed it).
 *
 * @param action reconnect at once, reconnect after a backoff, or stay down in {@code status}
 * @param status the status to report: RECONNECTING for the reconnecting actions
 * @param reason the public reason
 * @param deleteCredentials the account is gone server side; its stored credentials are useless
 */
public record AfterDisconnect(Action action, SessionStatus status, SessionReason reason, boolean deleteCredentials) {

    public enum Action {
        RECONNECT_NOW, RECONNECT_WITH_BACKOFF, STAY_DOWN
    }
}
