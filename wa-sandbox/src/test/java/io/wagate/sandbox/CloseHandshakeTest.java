package io.wagate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.sandbox.support.RawWebSocket;
import io.wagate.sandbox.support.RawWebSocket.Frame;
import io.wagate.sandbox.support.RawWebSocket.Quiet;
import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the sandbox ends a WebSocket it closes on purpose: close frame first, TCP only after the client's answer,
 * and the client's late frames are read, never answered with a reset. The client here is a bare socket, so the
 * assertions see FIN and reset as they are.
 */
class CloseHandshakeTest {

    /** Long enough that a close seen within {@link SandboxTestSupport#WAIT} cannot be the timeout's. */
    private static final Duration PATIENT = Duration.ofSeconds(60);
    /** Long enough to see that the server holds the socket, far below any timeout here. */
    private static final Duration QUIET = Duration.ofMillis(150);

    private static SandboxServer patient;
    private static SandboxServer standard;

    @BeforeAll
    static void start() {
        patient = SandboxServer.start(SandboxConfig.forTests(SandboxTestSupport.SPEED_UP)
                .withCloseHandshakeTimeout(PATIENT));
        standard = SandboxTestSupport.startSandbox();
    }

    @AfterAll
    static void stop() {
        patient.close();
        standard.close();
    }

    @Test
    void serverKeepsReadingAfterItsCloseFrameAndClosesTcpOnTheClientsAnswer() throws IOException {
        try (RawWebSocket ws = openAndInject(patient, "close_socket")) {
            Frame close = ws.readFrame();
            assertThat(close.opcode()).isEqualTo(RawWebSocket.OPCODE_CLOSE);
            assertThat(close.closeStatus()).isEqualTo(1000);

            // What a client sends before it has read the close frame must not be answered with a reset.
            for (int i = 0; i < 20; i++) {
                ws.sendBinary(new byte[200]);
            }
            assertThat(ws.readQuietly(QUIET)).isEqualTo(Quiet.STILL_OPEN);

            ws.sendClose(1000);
            assertThat(ws.readQuietly(SandboxTestSupport.WAIT)).isEqualTo(Quiet.END_OF_STREAM);
        }
    }

    @Test
    void clientClosingTcpEndsTheWait() throws IOException {
        try (RawWebSocket ws = openAndInject(patient, "close_socket")) {
            assertThat(ws.readFrame().opcode()).isEqualTo(RawWebSocket.OPCODE_CLOSE);
            assertThat(ws.readQuietly(QUIET)).isEqualTo(Quiet.STILL_OPEN);

            ws.shutdownOutput();
            assertThat(ws.readQuietly(SandboxTestSupport.WAIT)).isEqualTo(Quiet.END_OF_STREAM);
        }
    }

    @Test
    void clientThatNeverAnswersIsClosedAfterTheTimeout() throws IOException {
        try (RawWebSocket ws = openAndInject(standard, "close_socket")) {
            assertThat(ws.readFrame().opcode()).isEqualTo(RawWebSocket.OPCODE_CLOSE);
            assertThat(ws.readQuietly(QUIET)).isEqualTo(Quiet.STILL_OPEN);

            assertThat(ws.readQuietly(SandboxTestSupport.WAIT)).isEqualTo(Quiet.END_OF_STREAM);
        }
    }

    @Test
    void droppedSocketIsStillReset() throws IOException {
        try (RawWebSocket ws = openAndInject(patient, "drop_socket")) {
            assertThat(ws.readQuietly(SandboxTestSupport.WAIT)).isEqualTo(Quiet.RESET);
        }
    }

    private static RawWebSocket openAndInject(SandboxServer sandbox, String fault) throws IOException {
        int known = sandbox.history().all().size();
        RawWebSocket ws = RawWebSocket.open(sandbox.chatEndpoint());
        SandboxTestSupport.await(() -> sandbox.history().all().size() > known);
        long id = sandbox.history().all().getLast().id();
        SandboxTestSupport.await(() -> sandbox.chat().liveConnectionIds().contains(id));
        SandboxApiClient.Reply reply = new SandboxApiClient(sandbox.httpBase())
                .post("/api/sandbox/faults", Map.of("type", fault, "connectionId", id));
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("connections").asInt()).isEqualTo(1);
        return ws;
    }
}
