package io.wagate.sandbox;

import static io.wagate.sandbox.support.SandboxTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.sandbox.history.ConnectionRecord;
import io.wagate.sandbox.support.EventRecorder;
import io.wagate.sandbox.support.Provisioning;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import io.wagate.sandbox.support.SandboxTestSupport.Linked;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every injectable fault ends the engine's connection with the matching reason. */
class FaultClassificationTest {

    private static final int CHATTY_ROUNDS = 25;

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
        assertThat(sandbox.history().overlaps())
                .allMatch(overlap -> overlap.first().closeReason() != null
                        && overlap.first().closeReason().contains("replaced"));
        sandbox.close();
    }

    static Stream<Arguments> liveFaults() {
        return Stream.of(
                Arguments.of("stream_error_515", DisconnectReason.RESTART_REQUIRED, 515, false),
                Arguments.of("stream_error_503", DisconnectReason.SERVER_UNAVAILABLE, 503, false),
                Arguments.of("stream_error_500", DisconnectReason.SERVER_UNAVAILABLE, 500, false),
                Arguments.of("device_removed", DisconnectReason.LOGGED_OUT, 401, true),
                Arguments.of("replaced", DisconnectReason.REPLACED, 440, false),
                Arguments.of("drop_socket", DisconnectReason.NETWORK, 0, false),
                Arguments.of("close_socket", DisconnectReason.CONNECTION_CLOSED, 0, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("liveFaults")
    void faultOnALiveConnectionIsClassified(String fault, DisconnectReason reason, int code, boolean removed) {
        EventRecorder[] events = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, config, events);

        SandboxApiClient.Reply reply = api.post("/api/sandbox/faults",
                Map.of("type", fault, "deviceJid", linked.deviceJid()));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("connections").asInt()).isEqualTo(1);

        ClientEvent.Disconnected disconnected = events[0].disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(reason);
        if (code != 0) {
            assertThat(disconnected.code()).isEqualTo(code);
        }
        assertThat(disconnected.credentialsRemoved()).isEqualTo(removed);
        assertThat(linked.store().load().isEmpty()).isEqualTo(removed);
    }

    static Stream<Arguments> streamErrorsWhileTheClientWrites() {
        return Stream.of(
                Arguments.of("replaced", DisconnectReason.REPLACED, 440),
                Arguments.of("stream_error_503", DisconnectReason.SERVER_UNAVAILABLE, 503));
    }

    /**
     * The client is still uploading prekeys and pinging back to back when the stream error arrives. A server that
     * closes TCP with the client's bytes unread resets the connection, and the reset can cost the client the
     * stream:error it has not read yet; the classification must not depend on winning that race.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("streamErrorsWhileTheClientWrites")
    void streamErrorReachesAClientThatKeepsWriting(String fault, DisconnectReason reason, int code) {
        EngineConfig chatty = config.toBuilder().keepAlive(Duration.ofMillis(1), Duration.ofSeconds(5)).build();
        for (int round = 0; round < CHATTY_ROUNDS; round++) {
            InMemoryCredentialStore store = Provisioning.linkedStore(sandbox, 0);
            String deviceJid = store.load().orElseThrow().account().jid();
            WhatsAppClient client = new WhatsAppClient(chatty, store);
            EventRecorder events = EventRecorder.of(client.connect());
            events.next(ClientEvent.Connected.class, WAIT);

            assertThat(api.post("/api/sandbox/faults", Map.of("type", fault, "deviceJid", deviceJid)).status())
                    .isEqualTo(202);

            ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
            assertThat(disconnected.reason()).as("round %d: %s", round, disconnected).isEqualTo(reason);
            assertThat(disconnected.code()).isEqualTo(code);
        }
    }

    static Stream<Arguments> loginFailures() {
        return Stream.of(
                Arguments.of("failure_401", DisconnectReason.LOGGED_OUT, true),
                Arguments.of("failure_402", DisconnectReason.TEMPORARILY_BANNED, false),
                Arguments.of("failure_403", DisconnectReason.LOCKED, true),
                Arguments.of("failure_405", DisconnectReason.CLIENT_OUTDATED, false),
                Arguments.of("failure_406", DisconnectReason.BANNED, true),
                Arguments.of("failure_409", DisconnectReason.BAD_USER_AGENT, false),
                Arguments.of("failure_503", DisconnectReason.SERVER_UNAVAILABLE, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("loginFailures")
    void failureAtLoginIsClassified(String fault, DisconnectReason reason, boolean removed) {
        EventRecorder[] first = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, config, first);
        linked.client().close();
        first[0].disconnected(WAIT);

        SandboxApiClient.Reply reply = api.post("/api/sandbox/faults",
                Map.of("type", fault, "number", linked.phone().number()));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("armed").asBoolean()).isTrue();

        EventRecorder events = EventRecorder.of(linked.client().connect());
        ClientEvent.Disconnected disconnected = events.disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(reason);
        assertThat(disconnected.code()).isEqualTo(Integer.parseInt(fault.substring("failure_".length())));
        assertThat(disconnected.credentialsRemoved()).isEqualTo(removed);
        assertThat(linked.store().load().isEmpty()).isEqualTo(removed);
        if (reason == DisconnectReason.TEMPORARILY_BANNED) {
            assertThat(disconnected.detail()).contains("expire=3600");
        }
    }

    @Test
    void silentServerEndsWithKeepAliveTimeout() {
        EngineConfig fastKeepAlive = config.toBuilder()
                .keepAlive(Duration.ofMillis(200), Duration.ofMillis(300)).build();
        EventRecorder[] events = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, fastKeepAlive, events);
        assertThat(api.post("/api/sandbox/faults", Map.of("type", "silence", "deviceJid", linked.deviceJid()))
                .status()).isEqualTo(202);
        ClientEvent.Disconnected disconnected = events[0].disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.KEEPALIVE_TIMEOUT);
    }

    @Test
    void frameDelayBeyondTheDeadlineEndsWithKeepAliveTimeoutButShortDelaysAreTolerated() throws Exception {
        EngineConfig fastKeepAlive = config.toBuilder()
                .keepAlive(Duration.ofMillis(200), Duration.ofMillis(1_000)).build();
        EventRecorder[] events = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, fastKeepAlive, events);
        assertThat(api.post("/api/sandbox/faults", Map.of("type", "frame_delay", "deviceJid", linked.deviceJid(),
                "delayMs", 100)).status()).isEqualTo(202);
        Thread.sleep(1_000);
        assertThat(linked.client().isConnected()).isTrue();

        assertThat(api.post("/api/sandbox/faults", Map.of("type", "frame_delay", "deviceJid", linked.deviceJid(),
                "delayMs", 3_000)).status()).isEqualTo(202);
        ClientEvent.Disconnected disconnected = events[0].disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.KEEPALIVE_TIMEOUT);
    }

    @Test
    void secondConnectionWithTheSameCredentialsReplacesTheFirst() {
        EventRecorder[] first = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, config, first);
        WhatsAppClient twin = new WhatsAppClient(config, linked.store());
        EventRecorder second = EventRecorder.of(twin.connect());
        second.next(ClientEvent.Connected.class, WAIT);

        ClientEvent.Disconnected disconnected = first[0].disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.REPLACED);
        assertThat(disconnected.credentialsRemoved()).isFalse();
        assertThat(sandbox.history().overlaps())
                .anyMatch(overlap -> overlap.deviceJid().equals(linked.deviceJid()));
        twin.close();
        second.disconnected(WAIT);
    }

    @Test
    void oneClientNeverHoldsTwoConnections() {
        EventRecorder[] first = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, config, first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> linked.client().connect())
                .isInstanceOf(IllegalStateException.class);
        for (int round = 0; round < 3; round++) {
            api.post("/api/sandbox/faults", Map.of("type", "stream_error_503", "deviceJid", linked.deviceJid()));
            first[0].disconnected(WAIT);
            first[0] = EventRecorder.of(linked.client().connect());
            first[0].next(ClientEvent.Connected.class, WAIT);
        }
        linked.client().close();
        first[0].disconnected(WAIT);
        SandboxTestSupport.await(() -> sandbox.history().forDevice(linked.deviceJid()).stream()
                .noneMatch(ConnectionRecord::live));
        assertThat(sandbox.history().forDevice(linked.deviceJid())).hasSize(4)
                .allMatch(record -> !record.live());
        assertThat(sandbox.history().overlaps())
                .noneMatch(overlap -> overlap.deviceJid().equals(linked.deviceJid()));
    }

    @Test
    void logoutRemovesTheDeviceAndTheCredentials() {
        EventRecorder[] events = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, config, events);
        linked.client().logout().join();
        ClientEvent.Disconnected disconnected = events[0].disconnected(WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.LOGGED_OUT);
        assertThat(disconnected.credentialsRemoved()).isTrue();
        assertThat(linked.store().load()).isEmpty();
        assertThat(linked.phone().devices()).isEmpty();
    }

    @Test
    void unlinkedDeviceCannotLogInAgain() {
        EventRecorder[] events = new EventRecorder[1];
        Linked linked = SandboxTestSupport.linkByQr(sandbox, config, events);
        int deviceId = Integer.parseInt(linked.deviceJid().substring(linked.deviceJid().indexOf(':') + 1,
                linked.deviceJid().indexOf('@')));
        var store = new io.wagate.engine.store.InMemoryCredentialStore(linked.store().load().orElseThrow());
        assertThat(api.delete("/api/sandbox/phones/" + linked.phone().number() + "/devices/" + deviceId).status())
                .isEqualTo(200);
        assertThat(events[0].disconnected(WAIT).reason()).isEqualTo(DisconnectReason.LOGGED_OUT);

        WhatsAppClient stale = new WhatsAppClient(config, store);
        ClientEvent.Disconnected refused = EventRecorder.of(stale.connect()).disconnected(WAIT);
        assertThat(refused.reason()).isEqualTo(DisconnectReason.LOGGED_OUT);
        assertThat(refused.code()).isEqualTo(401);
        ConnectionRecord last = sandbox.history().all().getLast();
        assertThat(last.deviceJid()).isNull();
    }
}
