package io.wagate.sandbox.support;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.login.QrString;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.SandboxConfig;
import io.wagate.sandbox.SandboxServer;
import io.wagate.sandbox.chat.PairingResult;
import io.wagate.sandbox.chat.Tamper;
import io.wagate.sandbox.phone.Phone;
import java.time.Duration;

/** Shared setup: a sandbox sped up for tests and engine configs that trust it with the same QR timing. */
public final class SandboxTestSupport {

    /** 60 s / 20 s QR refs become 600 ms / 200 ms. */
    public static final double SPEED_UP = 100;
    public static final Duration WAIT = Duration.ofSeconds(10);

    private SandboxTestSupport() {
    }

    public static SandboxServer startSandbox() {
        return SandboxServer.start(SandboxConfig.forTests(SPEED_UP));
    }

    public static EngineConfig engineConfig(SandboxServer sandbox) {
        SandboxConfig config = sandbox.config();
        return EngineConfig.builder()
                .endpoint(sandbox.chatEndpoint())
                .rootPublicKey(sandbox.rootPublicKey())
                .pushName("WaGate test")
                .connectTimeout(Duration.ofSeconds(5))
                .iqTimeout(Duration.ofSeconds(5))
                .qrTimeouts(config.qrLifetime(0), config.qrLifetime(1))
                .preKeys(30, 5)
                .build();
    }

    /** Polls until the condition holds; server-side bookkeeping trails the client's events by a few ms. */
    public static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** A linked device: its client, its store and the phone it belongs to. */
    public record Linked(WhatsAppClient client, InMemoryCredentialStore store, Phone phone, String deviceJid) {
    }

    /**
     * Links a fresh companion to a new phone by QR (in-process scan) and waits until it is logged in; the first
     * connection stays open and is returned with its recorder.
     */
    public static Linked linkByQr(SandboxServer sandbox, EngineConfig config, EventRecorder[] recorderOut) {
        Phone phone = sandbox.phones().create(null, null);
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        WhatsAppClient client = new WhatsAppClient(config, store);
        EventRecorder events = EventRecorder.of(client.connect());
        ClientEvent.QrCode qr = events.next(ClientEvent.QrCode.class, WAIT);
        PairingResult result = sandbox.chat().scan(phone, QrString.parse(qr.qr()), Tamper.NONE).join();
        if (!result.success()) {
            throw new AssertionError("scan failed: " + result);
        }
        events.next(ClientEvent.Paired.class, WAIT);
        events.next(ClientEvent.Connected.class, WAIT);
        recorderOut[0] = events;
        return new Linked(client, store, phone, String.valueOf(result.deviceJid()));
    }
}
