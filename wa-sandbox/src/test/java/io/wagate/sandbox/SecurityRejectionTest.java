package io.wagate.sandbox;

import static io.wagate.sandbox.support.SandboxTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.support.EventRecorder;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine refuses a server it cannot authenticate and a pair-success it cannot verify. */
class SecurityRejectionTest {

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

    @AfterEach
    void validCertificateAgain() {
        api.post("/api/sandbox/certificate", Map.of("mode", "valid"));
    }

    @Test
    void tamperedCertificateChainFailsTheHandshake() {
        assertThat(api.post("/api/sandbox/certificate", Map.of("mode", "tampered")).status()).isEqualTo(200);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        EventRecorder events = EventRecorder.of(new WhatsAppClient(config, store).connect());
        ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED);
        assertThat(disconnected.detail()).contains("LEAF_SIGNATURE");
        assertThat(events.drain()).noneMatch(event -> event instanceof ClientEvent.QrCode);
    }

    @Test
    void untrustedRootKeyFailsTheHandshake() {
        EngineConfig wrongRoot = config.toBuilder().rootPublicKey(KeyPair.generate().publicKey()).build();
        EventRecorder events = EventRecorder.of(new WhatsAppClient(wrongRoot, new InMemoryCredentialStore()).connect());
        ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED);
        assertThat(disconnected.detail()).contains("INTERMEDIATE_SIGNATURE");
    }

    @Test
    void defaultWhatsAppRootDoesNotTrustTheSandbox() {
        EngineConfig production = EngineConfig.builder().endpoint(sandbox.chatEndpoint()).build();
        EventRecorder events = EventRecorder.of(new WhatsAppClient(production, new InMemoryCredentialStore()).connect());
        assertThat(events.disconnected(WAIT).reason()).isEqualTo(DisconnectReason.HANDSHAKE_FAILED);
    }

    @Test
    void wrongHmacIsRejected() {
        assertPairingRejected("hmac", "hmac-mismatch");
    }

    @Test
    void wrongAccountSignatureIsRejected() {
        assertPairingRejected("account-signature", "signature-mismatch");
    }

    private void assertPairingRejected(String tamper, String errorText) {
        String number = api.createPhone();
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        EventRecorder events = EventRecorder.of(new WhatsAppClient(config, store).connect());
        ClientEvent.QrCode qr = events.next(ClientEvent.QrCode.class, WAIT);

        SandboxApiClient.Reply scan = api.post("/api/sandbox/phones/" + number + "/scan",
                Map.of("qr", qr.qr(), "tamper", tamper));
        assertThat(scan.status()).isEqualTo(422);
        assertThat(scan.body().get("error").asString()).contains(errorText);

        ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.PAIRING_FAILED);
        assertThat(disconnected.code()).isEqualTo(401);
        assertThat(disconnected.detail()).contains(errorText);
        assertThat(store.load().orElseThrow().registered()).isFalse();
        assertThat(sandbox.phones().find(number).orElseThrow().devices()).isEmpty();
        assertThat(events.drain()).noneMatch(event -> event instanceof ClientEvent.Paired);
    }
}
