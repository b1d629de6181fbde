package io.wagate.sandbox;

import static io.wagate.sandbox.support.SandboxTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.phone.RegisteredDevice;
import io.wagate.sandbox.support.EventRecorder;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** QR linking between the real engine and the sandbox over real sockets. */
class QrPairingTest {

    private static SandboxServer sandbox;
    private static EngineConfig config;
    private static SandboxApiClient api;

    @BeforeAll
    static void start() {
        sandbox = SandboxTestSupport.startSandbox();
        config = SandboxTestSupport.engineConfig(sandbox);
        api = new SandboxApiClient(sandbox.httpBase());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void qrPairingEndToEndThroughTheHttpApi() {
        String number = api.createPhone();
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        WhatsAppClient client = new WhatsAppClient(config, store);
        EventRecorder events = EventRecorder.of(client.connect());

        ClientEvent.QrCode qr = events.next(ClientEvent.QrCode.class, WAIT);
        assertThat(qr.index()).isZero();
        assertThat(qr.qr()).startsWith("https://wa.me/settings/linked_devices#2@").endsWith(",1");

        SandboxApiClient.Reply scan = api.post("/api/sandbox/phones/" + number + "/scan", Map.of("qr", qr.qr()));
        assertThat(scan.status()).isEqualTo(200);
        String deviceJid = scan.body().get("deviceJid").asString();
        assertThat(deviceJid).startsWith(number + ":").endsWith("@s.whatsapp.net");

        ClientEvent.Paired paired = events.next(ClientEvent.Paired.class, WAIT);
        assertThat(paired.jid()).isEqualTo(deviceJid);
        assertThat(paired.platform()).isEqualTo("android");
        ClientEvent.Connected connected = events.next(ClientEvent.Connected.class, WAIT);
        assertThat(connected.phoneNumber()).isEqualTo(number);
        assertThat(connected.jid()).isEqualTo(deviceJid);
        assertThat(connected.lid()).endsWith("@lid");
        assertThat(connected.pushName()).isEqualTo("Sandbox " + number);
        ClientEvent.PreKeysUploaded uploaded = events.next(ClientEvent.PreKeysUploaded.class, WAIT);
        assertThat(uploaded.count()).isEqualTo(30);
        assertThat(uploaded.serverCountBefore()).isZero();

        Credentials stored = store.load().orElseThrow();
        assertThat(stored.registered()).isTrue();
        assertThat(stored.account().jid()).isEqualTo(deviceJid);
        assertThat(stored.account().primaryIdentityKey())
                .isEqualTo(sandbox.phones().find(number).orElseThrow().accountKey().publicKey());
        assertThat(store.preKeyCount()).isEqualTo(30);
        RegisteredDevice device = sandbox.phones().findDevice(number, stored.account().deviceId()).orElseThrow();
        assertThat(device.preKeyCount()).isEqualTo(30);

        client.close();
        ClientEvent.Disconnected closed = events.disconnected(WAIT);
        assertThat(closed.reason()).isEqualTo(DisconnectReason.CLIENT_CLOSED);
        assertThat(closed.credentialsRemoved()).isFalse();
        assertThat(sandbox.history().overlaps()).isEmpty();
    }

    @Test
    void reconnectWithStoredCredentialsLogsInWithoutQr() {
        EventRecorder[] first = new EventRecorder[1];
        SandboxTestSupport.Linked linked = SandboxTestSupport.linkByQr(sandbox, config, first);
        first[0].next(ClientEvent.PreKeysUploaded.class, WAIT);
        linked.client().close();
        first[0].disconnected(WAIT);

        EventRecorder again = EventRecorder.of(linked.client().connect());
        ClientEvent.Connected connected = again.next(ClientEvent.Connected.class, WAIT);
        assertThat(connected.jid()).isEqualTo(linked.deviceJid());
        linked.client().close();
        again.disconnected(WAIT);
        assertThat(again.drain()).noneMatch(event -> event instanceof ClientEvent.QrCode
                || event instanceof ClientEvent.Paired || event instanceof ClientEvent.PreKeysUploaded);
        List<?> records = sandbox.history().forDevice(linked.deviceJid());
        assertThat(records).hasSize(2);
        assertThat(sandbox.history().overlaps()).isEmpty();
    }

    @Test
    void allRefsExpiringEndsWithQrExpired() {
        WhatsAppClient client = new WhatsAppClient(config, new InMemoryCredentialStore());
        EventRecorder events = EventRecorder.of(client.connect());
        for (int index = 0; index < 6; index++) {
            assertThat(events.next(ClientEvent.QrCode.class, WAIT).index()).isEqualTo(index);
        }
        ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.QR_EXPIRED);
        assertThat(disconnected.credentialsRemoved()).isFalse();
    }

    @Test
    void qrRotationFollowsTheServerTiming() {
        WhatsAppClient client = new WhatsAppClient(config, new InMemoryCredentialStore());
        EventRecorder events = EventRecorder.of(client.connect());
        ClientEvent.QrCode first = events.next(ClientEvent.QrCode.class, WAIT);
        ClientEvent.QrCode second = events.next(ClientEvent.QrCode.class, WAIT);
        ClientEvent.QrCode third = events.next(ClientEvent.QrCode.class, WAIT);
        assertThat(Duration.between(first.expiresAt(), second.expiresAt()))
                .isBetween(Duration.ofMillis(150), Duration.ofMillis(550));
        assertThat(Duration.between(second.expiresAt(), third.expiresAt()))
                .isBetween(Duration.ofMillis(150), Duration.ofMillis(550));
        assertThat(first.qr().split(",")[0]).isNotEqualTo(second.qr().split(",")[0]);
        client.close();
        events.disconnected(WAIT);
    }

    @Test
    void expiredRefCannotBeScanned() {
        String number = api.createPhone();
        WhatsAppClient client = new WhatsAppClient(config, new InMemoryCredentialStore());
        EventRecorder events = EventRecorder.of(client.connect());
        ClientEvent.QrCode first = events.next(ClientEvent.QrCode.class, WAIT);
        events.next(ClientEvent.QrCode.class, WAIT);
        SandboxApiClient.Reply scan = api.post("/api/sandbox/phones/" + number + "/scan", Map.of("qr", first.qr()));
        assertThat(scan.status()).isEqualTo(410);
        client.close();
        events.disconnected(WAIT);
    }

    @Test
    void companionRegRefreshReplacesTheAdvSecretAndTheNewQrLinks() {
        String number = api.createPhone();
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        WhatsAppClient client = new WhatsAppClient(config.toBuilder()
                .qrTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build(), store);
        // This client's QR lives longer than the sandbox's refs; the test acts within the first ref.
        EventRecorder events = EventRecorder.of(client.connect());
        ClientEvent.QrCode before = events.next(ClientEvent.QrCode.class, WAIT);
        long connectionId = sandbox.history().all().getLast().id();
        assertThat(api.post("/api/sandbox/connections/" + connectionId + "/qr-refresh", Map.of()).status())
                .isEqualTo(200);
        ClientEvent.QrCode after = events.next(ClientEvent.QrCode.class, WAIT);
        assertThat(after.index()).isEqualTo(before.index());
        assertThat(after.qr()).isNotEqualTo(before.qr());
        assertThat(after.qr().split(",")[0]).isEqualTo(before.qr().split(",")[0]);

        assertThat(api.post("/api/sandbox/phones/" + number + "/scan", Map.of("qr", after.qr())).status())
                .isEqualTo(200);
        events.next(ClientEvent.Connected.class, WAIT);
        client.close();
        events.disconnected(WAIT);
    }
}
