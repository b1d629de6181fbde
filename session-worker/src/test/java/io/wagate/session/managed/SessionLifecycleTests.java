package io.wagate.session.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.RestartSession;
import io.wagate.contracts.session.SessionEvent;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.session.SessionWorkerIntegrationTest;
import io.wagate.session.events.QrCache;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class SessionLifecycleTests extends SessionWorkerIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void connectShowsQrLinksOnScanRestartsWithoutQrAndLogsOut() {
        Instance instance = newInstance();
        command(instance, new ConnectSession(instance.name(), Engine.SANDBOX, "user:1"));

        SessionStatusChanged qrRequired = events.awaitStatus(instance.id(), SessionStatus.QR_REQUIRED,
                SessionReason.PAIRING);
        assertThat(qrRequired.previous()).isEqualTo(SessionStatus.INIT);
        QrCodeUpdated qr = events.awaitData(instance.id(), QrCodeUpdated.class, any -> true);
        assertThat(qr.index()).isEqualTo(1);
        assertThat(qr.sequence()).isGreaterThan(qrRequired.sequence());
        assertThat(qr.expiresAt()).isAfter(java.time.Instant.now().minusSeconds(1));
        String cached = redis.opsForValue().get(QrCache.key(instance.id())).block(WAIT);
        assertThat(cached).endsWith("|" + qr.qr());
        assertThat(redis.getExpire(QrCache.key(instance.id())).block(WAIT)).isPositive();

        String number = createPhone();
        assertThat(scan(number, qr.qr()).statusCode()).isEqualTo(200);
        SessionStatusChanged connected = events.awaitStatus(instance.id(), SessionStatus.CONNECTED,
                SessionReason.LOGGED_IN);
        assertThat(connected.previous()).isEqualTo(SessionStatus.QR_REQUIRED);
        ProfileUpdated profile = events.awaitData(instance.id(), ProfileUpdated.class, any -> true);
        assertThat(profile.phoneNumber()).isEqualTo(number);
        assertThat(profile.jid()).startsWith(number + ":");
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id()))
                .isOne();
        // The prekey upload follows the login.
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM session_prekeys WHERE instance_id = :id",
                instance.id()) == 30);

        command(instance, new RestartSession("user:1"));
        SessionStatusChanged restarting = events.awaitStatus(instance.id(), SessionStatus.RECONNECTING,
                SessionReason.REQUESTED, connected.sequence());
        SessionStatusChanged again = events.awaitStatus(instance.id(), SessionStatus.CONNECTED,
                SessionReason.LOGGED_IN, restarting.sequence());
        assertThat(again.previous()).isEqualTo(SessionStatus.RECONNECTING);
        assertThat(events.of(instance.id())).filteredOn(QrCodeUpdated.class::isInstance)
                .allMatch(event -> event.sequence() < connected.sequence());

        command(instance, new LogoutSession("user:1", false));
        SessionStatusChanged loggedOut = events.awaitStatus(instance.id(), SessionStatus.DISCONNECTED,
                SessionReason.LOGGED_OUT, again.sequence());
        assertThat(loggedOut.previous()).isEqualTo(SessionStatus.CONNECTED);
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM session_prekeys WHERE instance_id = :id", instance.id())).isZero();
        assertThat(count("SELECT last_sequence FROM sessions WHERE instance_id = :id", instance.id()))
                .isEqualTo(loggedOut.sequence());

        List<Long> sequences = events.of(instance.id()).stream().map(SessionEvent::sequence).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(events.envelopes(instance.id())).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("/session-worker");
            assertThat(event.tenantId()).isEqualTo(instance.tenantId().toString());
            assertThat(event.subject()).isEqualTo(instance.name());
        });
        assertThat(events.envelopes(instance.id())).extracting(CloudEvent::id).doesNotHaveDuplicates();
    }
}
