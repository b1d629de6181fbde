package io.wagate.session.managed;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.session.SessionWorkerIntegrationTest;
import org.junit.jupiter.api.Test;

class QrExpiryTests extends SessionWorkerIntegrationTest {

    @Test
    void unscannedQrCodesEndDisconnectedUntilTheNextConnect() {
        Instance instance = newInstance();
        command(instance, new ConnectSession(instance.name(), Engine.SANDBOX, "user:1"));

        // Six refs (3 s + 5 x 1 s at the test speed-up), then the server closes the connection.
        SessionStatusChanged expired = events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED,
                SessionReason.QR_EXPIRED);
        assertThat(expired.previous()).isEqualTo(SessionStatus.QR_REQUIRED);
        assertThat(events.of(instance.id())).filteredOn(QrCodeUpdated.class::isInstance)
                .extracting(event -> ((QrCodeUpdated) event).index()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(count("SELECT count(*) FROM sessions WHERE instance_id = :id AND desired_state = 'DISCONNECTED'",
                instance.id())).isOne();

        command(instance, new ConnectSession(instance.name(), Engine.SANDBOX, "user:1"));
        SessionStatusChanged again = events.awaitStatus(instance.id(), SessionStatus.QR_REQUIRED,
                SessionReason.PAIRING, expired.sequence());
        assertThat(again.previous()).isEqualTo(SessionStatus.DISCONNECTED);
        events.awaitData(instance.id(), QrCodeUpdated.class, qr -> qr.index() == 1, again.sequence());
        disconnect(instance);
    }
}
