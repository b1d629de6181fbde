package io.wagate.sandbox;

import static io.wagate.sandbox.support.SandboxTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.support.EventRecorder;
import io.wagate.sandbox.support.Provisioning;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Devices linked without scanning (fixtures, benchmarks) log in like scanned ones. */
class DirectLinkTest {

    private static SandboxServer sandbox;
    private static SandboxApiClient api;

    @BeforeAll
    static void start() {
        sandbox = SandboxTestSupport.startSandbox();
        api = new SandboxApiClient(sandbox.httpBase());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void deviceLinkedOverHttpLogsInAndUploadsPrekeys() {
        InMemoryCredentialStore store = Provisioning.linkedStore(api, 0);
        WhatsAppClient client = new WhatsAppClient(SandboxTestSupport.engineConfig(sandbox), store);
        EventRecorder events = EventRecorder.of(client.connect());
        ClientEvent.Connected connected = events.next(ClientEvent.Connected.class, WAIT);
        assertThat(connected.jid()).isEqualTo(store.load().orElseThrow().account().jid());
        assertThat(events.next(ClientEvent.PreKeysUploaded.class, WAIT).serverCountBefore()).isZero();
        client.close();
        events.disconnected(WAIT);
    }

    @Test
    void deviceWithEnoughPrekeysOnTheServerUploadsNone() {
        InMemoryCredentialStore store = Provisioning.linkedStore(sandbox, 50);
        WhatsAppClient client = new WhatsAppClient(SandboxTestSupport.engineConfig(sandbox), store);
        EventRecorder events = EventRecorder.of(client.connect());
        events.next(ClientEvent.Connected.class, WAIT);
        client.close();
        events.disconnected(WAIT);
        assertThat(events.drain()).noneMatch(event -> event instanceof ClientEvent.PreKeysUploaded);
        assertThat(store.preKeyCount()).isZero();
    }

    @Test
    void malformedKeysAreRefused() {
        String number = api.createPhone();
        assertThat(api.post("/api/sandbox/phones/" + number + "/devices",
                Map.of("noisePublicKey", "AAAA", "identityPublicKey", "AAAA")).status()).isEqualTo(400);
        assertThat(api.post("/api/sandbox/phones/" + number + "/devices",
                Map.of("noisePublicKey", "!!!", "identityPublicKey", "AAAA")).status()).isEqualTo(400);
    }
}
