package io.wagate.session.status;

import static io.wagate.session.status.AfterDisconnect.Action.RECONNECT_NOW;
import static io.wagate.session.status.AfterDisconnect.Action.RECONNECT_WITH_BACKOFF;
import static io.wagate.session.status.AfterDisconnect.Action.STAY_DOWN;

import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.engine.client.DisconnectReason;

/**
 * The engine's disconnect reasons mapped to the public status machine. Reconnecting where the server said the
 * account is gone (logged out, banned) or taken over (replaced) would fight the user or the server, so those stay
 * down; conditions that need an operator (an outdated client version) are errors.
 */
public final class DisconnectRules {

    private DisconnectRules() {
    }

    public static AfterDisconnect after(DisconnectReason reason) {
        return switch (reason) {
            case RESTART_REQUIRED -> reconnect(RECONNECT_NOW, SessionReason.RESTART_REQUIRED);
            case SERVER_UNAVAILABLE -> reconnect(RECONNECT_WITH_BACKOFF, SessionReason.SERVER_UNAVAILABLE);
            case NETWORK -> reconnect(RECONNECT_WITH_BACKOFF, SessionReason.NETWORK);
            case CONNECTION_CLOSED -> reconnect(RECONNECT_WITH_BACKOFF, SessionReason.CONNECTION_CLOSED);
            case KEEPALIVE_TIMEOUT -> reconnect(RECONNECT_WITH_BACKOFF, SessionReason.KEEPALIVE_TIMEOUT);
            case LOGGED_OUT -> down(SessionStatus.DISCONNECTED, SessionReason.LOGGED_OUT, true);
            case BANNED -> down(SessionStatus.DISCONNECTED, SessionReason.BANNED, true);
            // A locked account (403) is gone like a banned one, but the user can act on it, so it is told apart.
            case LOCKED -> down(SessionStatus.DISCONNECTED, SessionReason.LOCKED, true);
            case REPLACED -> down(SessionStatus.DISCONNECTED, SessionReason.REPLACED, false);
            case TEMPORARILY_BANNED -> down(SessionStatus.DISCONNECTED, SessionReason.TEMPORARILY_BANNED, false);
            case QR_EXPIRED -> down(SessionStatus.DISCONNECTED, SessionReason.QR_EXPIRED, false);
            case PAIRING_FAILED -> down(SessionStatus.DISCONNECTED, SessionReason.PAIRING_FAILED, false);
            case CLIENT_OUTDATED -> down(SessionStatus.ERROR, SessionReason.CLIENT_OUTDATED, false);
            case BAD_USER_AGENT -> down(SessionStatus.ERROR, SessionReason.BAD_USER_AGENT, false);
            case HANDSHAKE_FAILED -> down(SessionStatus.ERROR, SessionReason.HANDSHAKE_FAILED, false);
            // Nobody asked for the close (commands handle their own): treat it as an unexplained end.
            case CLIENT_CLOSED, UNKNOWN -> down(SessionStatus.ERROR, SessionReason.UNKNOWN, false);
        };
    }

    private static AfterDisconnect reconnect(AfterDisconnect.Action action, SessionReason reason) {
        return new AfterDisconnect(action, SessionStatus.RECONNECTING, reason, false);
    }

    private static AfterDisconnect down(SessionStatus status, SessionReason reason, boolean deleteCredentials) {
        return new AfterDisconnect(STAY_DOWN, status, reason, deleteCredentials);
    }
}
