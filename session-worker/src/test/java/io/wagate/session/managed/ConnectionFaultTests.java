package io.wagate.session.managed;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.session.SessionWorkerIntegrationTest;
import org.junit.jupiter.api.Test;

/** How the status machine answers the server's and the network's ways of ending a connection. */
class ConnectionFaultTests extends SessionWorkerIntegrationTest {

    @Test
    void deviceRemovedOnThePhoneLogsOutAndNeverReconnects() throws InterruptedException {
        Instance instance = newInstance();
        String number = linked(instance);

        assertThat(fault("device_removed", number).statusCode()).isEqualTo(202);
        SessionStatusChanged loggedOut = events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED,
                SessionReason.LOGGED_OUT);
        assertThat(loggedOut.previous()).isEqualTo(SessionStatus.CONNECTED);

        // Several backoff periods (50-200 ms in tests): a reconnect would have shown by now.
        Thread.sleep(1000);
        assertThat(events.statuses(instance.id())).filteredOn(changed -> changed.sequence() > loggedOut.sequence())
                .isEmpty();
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM sessions WHERE instance_id = :id AND desired_state = 'DISCONNECTED'",
                instance.id())).isOne();
    }

    @Test
    void droppedSocketReconnectsWithTheStoredCredentials() {
        Instance instance = newInstance();
        String number = linked(instance);
        long linkedAt = events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN).sequence();

        assertThat(fault("drop_socket", number).statusCode()).isEqualTo(202);
        SessionStatusChanged reconnecting = events.awaitData(instance.id(), SessionStatusChanged.class,
                changed -> changed.status() == SessionStatus.RECONNECTING, linkedAt);
        assertThat(reconnecting.reason()).isIn(SessionReason.NETWORK, SessionReason.SERVER_UNAVAILABLE);
        assertThat(reconnecting.attempt()).isEqualTo(1);
        SessionStatusChanged back = events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN,
                reconnecting.sequence());
        assertThat(back.previous()).isEqualTo(SessionStatus.RECONNECTING);
        disconnect(instance);
    }

    @Test
    void serverUnavailableReconnectsWithBackoff() {
        Instance instance = newInstance();
        String number = linked(instance);
        long linkedAt = events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN).sequence();

        assertThat(fault("stream_error_503", number).statusCode()).isEqualTo(202);
        SessionStatusChanged reconnecting = events.awaitStatus(instance.id(), SessionStatus.RECONNECTING,
                SessionReason.SERVER_UNAVAILABLE, linkedAt);
        assertThat(reconnecting.attempt()).isEqualTo(1);
        events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN, reconnecting.sequence());
        disconnect(instance);
    }

    @Test
    void aLockedAccountStaysDisconnectedAsLockedAndLosesItsCredentials() throws InterruptedException {
        Instance instance = newInstance();
        String number = linked(instance);
        long linkedAt = events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN).sequence();

        // The next login of the device fails with 403; dropping the socket makes the session log in again.
        assertThat(fault("failure_403", number).statusCode()).isEqualTo(202);
        assertThat(fault("drop_socket", number).statusCode()).isEqualTo(202);
        SessionStatusChanged locked = events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED,
                SessionReason.LOCKED, linkedAt);

        Thread.sleep(1000);
        assertThat(events.statuses(instance.id())).filteredOn(changed -> changed.sequence() > locked.sequence())
                .as("no reconnect").isEmpty();
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id()))
                .isZero();
    }

    @Test
    void aSocketClosedWithoutAReasonReconnectsAsConnectionClosed() {
        Instance instance = newInstance();
        String number = linked(instance);
        long linkedAt = events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN).sequence();

        assertThat(fault("close_socket", number).statusCode()).isEqualTo(202);
        SessionStatusChanged reconnecting = events.awaitData(instance.id(), SessionStatusChanged.class,
                changed -> changed.status() == SessionStatus.RECONNECTING, linkedAt);
        assertThat(reconnecting.reason()).isEqualTo(SessionReason.CONNECTION_CLOSED);
        events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN, reconnecting.sequence());
        disconnect(instance);
    }
}
