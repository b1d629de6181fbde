package io.wagate.sandbox;

import static io.wagate.sandbox.support.SandboxTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.crypto.PairingCodeCrypto;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.support.EventRecorder;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Linking with an 8-character code typed on the phone instead of a QR scan. */
class PairingCodeTest {

    private static SandboxServer sandbox;
    private static EngineConfig config;
    private static SandboxApiClient api;

    @BeforeAll
    static void start() {
        // Real QR timing (160 s window): PBKDF2 runs four times per attempt and must not race the refs running out.
        sandbox = SandboxServer.start(SandboxConfig.forTests(1));
        config = SandboxTestSupport.engineConfig(sandbox);
        api = new SandboxApiClient(sandbox.httpBase());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void pairingCodeEndToEnd() throws Exception {
        String number = api.createPhone();
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        WhatsAppClient client = new WhatsAppClient(config, store);
        EventRecorder events = EventRecorder.of(client.connect());
        String code = client.requestPairingCode("+" + number).get(10, TimeUnit.SECONDS);
        assertThat(code).matches("[1-9A-HJ-NP-TV-Z]{4}-[1-9A-HJ-NP-TV-Z]{4}");
        ClientEvent.PairingCode event = events.next(ClientEvent.PairingCode.class, WAIT);
        assertThat(event.code()).isEqualTo(code);

        SandboxApiClient.Reply entered = api.post("/api/sandbox/phones/" + number + "/pairing-code",
                Map.of("code", code));
        assertThat(entered.status()).isEqualTo(200);
        String deviceJid = entered.body().get("deviceJid").asString();

        assertThat(events.next(ClientEvent.Paired.class, WAIT).jid()).isEqualTo(deviceJid);
        ClientEvent.Connected connected = events.next(ClientEvent.Connected.class, WAIT);
        assertThat(connected.phoneNumber()).isEqualTo(number);
        assertThat(store.load().orElseThrow().account().jid()).isEqualTo(deviceJid);
        assertThat(events.drain()).noneMatch(e -> e instanceof ClientEvent.QrCode qr && qr.index() > 0);
        client.close();
        events.disconnected(WAIT);

        EventRecorder again = EventRecorder.of(client.connect());
        assertThat(again.next(ClientEvent.Connected.class, WAIT).jid()).isEqualTo(deviceJid);
        client.close();
        again.disconnected(WAIT);
    }

    @Test
    void wrongCodeFailsThePairing() throws Exception {
        String number = api.createPhone();
        WhatsAppClient client = new WhatsAppClient(config, new InMemoryCredentialStore());
        EventRecorder events = EventRecorder.of(client.connect());
        String code = client.requestPairingCode(number).get(10, TimeUnit.SECONDS);
        String wrong = code.equals("1111-1111") ? "2222-2222" : "1111-1111";

        SandboxApiClient.Reply entered = api.post("/api/sandbox/phones/" + number + "/pairing-code",
                Map.of("code", wrong));
        assertThat(entered.status()).isEqualTo(422);
        ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.PAIRING_FAILED);
        assertThat(sandbox.phones().find(number).orElseThrow().devices()).isEmpty();
    }

    @Test
    void codeForAnUnknownRequestIsRefused() {
        String number = api.createPhone();
        SandboxApiClient.Reply entered = api.post("/api/sandbox/phones/" + number + "/pairing-code",
                Map.of("code", PairingCodeCrypto.formatForDisplay(PairingCodeCrypto.generateCode())));
        assertThat(entered.status()).isEqualTo(404);
    }
}
