package io.wagate.engine.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.proto.ClientPayload;
import io.wagate.engine.proto.HandshakeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Initiator against responder in memory, through the real framing. */
class NoiseHandshakeTest {

    private final TestChains chains = new TestChains();
    private final KeyPair clientStatic = KeyPair.generate();

    @Test
    void bothRolesAgreeAndExchangeMessages() throws Exception {
        var clientCodec = FrameCodec.client();
        var serverCodec = FrameCodec.server();
        var serverSide = FrameDecoder.forServer();
        var clientSide = FrameDecoder.forClient();

        var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
        var server = NoiseHandshake.responder(chains.serverStatic, chains.chain);

        server.readClientHello(single(serverSide.feed(clientCodec.encode(client.clientHello()))));
        var verified = client.readServerHello(single(clientSide.feed(serverCodec.encode(server.serverHello()))));
        assertThat(verified.serverStaticKey()).isEqualTo(chains.serverStatic.publicKey());

        var payload = ClientPayload.newBuilder().setUsername(4915112345678L).setPassive(true).setPull(true).build();
        var finish = server.readClientFinish(single(serverSide.feed(clientCodec.encode(client.clientFinish(payload)))));
        assertThat(finish.clientStaticKey()).isEqualTo(clientStatic.publicKey());
        assertThat(finish.parsePayload()).isEqualTo(payload);
        assertThat(client.handshakeHash()).isEqualTo(server.handshakeHash());

        TransportCipher clientCipher = client.split();
        TransportCipher serverCipher = server.split();
        for (int i = 0; i < 5; i++) {
            byte[] up = ("client frame " + i).getBytes();
            byte[] down = ("server frame " + i).getBytes();
            byte[] upSealed = clientCipher.encrypt(up);
            assertThat(upSealed).hasSize(up.length + 16);
            assertThat(serverCipher.decrypt(upSealed)).isEqualTo(up);
            assertThat(clientCipher.decrypt(serverCipher.encrypt(down))).isEqualTo(down);
        }
        assertThat(clientCipher.writeCounter()).isEqualTo(5);
        assertThat(serverCipher.readCounter()).isEqualTo(5);
        assertThatThrownBy(() -> serverCipher.decrypt(serverCipher.encrypt(new byte[1])))
                .as("a party cannot read its own frames: directions use different keys")
                .isInstanceOf(NoiseException.class);
    }

    @Test
    void replayedOrReorderedTransportFramesFail() throws Exception {
        var ciphers = handshake();
        byte[] first = ciphers[0].encrypt(new byte[] {1});
        byte[] second = ciphers[0].encrypt(new byte[] {2});
        assertThatThrownBy(() -> ciphers[1].decrypt(second)).isInstanceOf(NoiseException.class);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void tamperedServerHelloIsRejected() {
        var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
        var server = NoiseHandshake.responder(chains.serverStatic, chains.chain);
        try {
            server.readClientHello(client.clientHello());
            var hello = HandshakeMessage.parseFrom(server.serverHello());
            byte[] staticCiphertext = hello.getServerHello().getStatic().toByteArray();
            staticCiphertext[0] ^= 1;
            byte[] tampered = hello.toBuilder().setServerHello(hello.getServerHello().toBuilder()
                    .setStatic(ByteString.copyFrom(staticCiphertext))).build().toByteArray();
            assertThatThrownBy(() -> client.readServerHello(tampered))
                    .isInstanceOf(NoiseException.class).hasMessageContaining("server static key");
            assertThatThrownBy(() -> client.clientFinish(new byte[0])).isInstanceOf(IllegalStateException.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void serverWithoutTheCertifiedKeyIsRejected() throws Exception {
        var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
        var impostor = NoiseHandshake.responder(KeyPair.generate(), chains.chain);
        impostor.readClientHello(client.clientHello());
        assertThatThrownBy(() -> client.readServerHello(impostor.serverHello()))
                .isInstanceOfSatisfying(CertificateVerificationException.class,
                        e -> assertThat(e.failedCheck()).isEqualTo(CertificateVerificationException.Check.LEAF_KEY));
    }

    @Test
    void tamperedClientFinishIsRejected() throws Exception {
        var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
        var server = NoiseHandshake.responder(chains.serverStatic, chains.chain);
        server.readClientHello(client.clientHello());
        client.readServerHello(server.serverHello());
        var finish = HandshakeMessage.parseFrom(client.clientFinish(new byte[] {1, 2, 3}));
        byte[] payload = finish.getClientFinish().getPayload().toByteArray();
        payload[payload.length - 1] ^= 1;
        byte[] tampered = finish.toBuilder().setClientFinish(finish.getClientFinish().toBuilder()
                .setPayload(ByteString.copyFrom(payload))).build().toByteArray();
        assertThatThrownBy(() -> server.readClientFinish(tampered))
                .isInstanceOf(NoiseException.class).hasMessageContaining("client payload");
        assertThatThrownBy(server::split).as("a failed handshake yields no keys")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.readClientFinish(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageAndOutOfOrderCallsFail() {
        var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
        assertThatThrownBy(() -> client.readServerHello(new byte[0])).isInstanceOf(IllegalStateException.class);
        client.clientHello();
        assertThatThrownBy(() -> client.readServerHello(new byte[] {(byte) 0xFF, (byte) 0xFF}))
                .isInstanceOf(NoiseException.class);
        var server = NoiseHandshake.responder(chains.serverStatic, chains.chain);
        assertThatThrownBy(server::serverHello).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NoiseHandshake.responder(chains.serverStatic, chains.chain)
                .readClientHello(new byte[] {0x12, 0x02, 0x0A, 0x00})).isInstanceOf(NoiseException.class);
    }

    @Test
    void randomBytesInEveryReadingStepFailWithNoiseException() throws Exception {
        var random = new java.util.Random(5);
        for (int i = 0; i < 500; i++) {
            byte[] garbage = new byte[random.nextInt(120)];
            random.nextBytes(garbage);
            var server = NoiseHandshake.responder(chains.serverStatic, chains.chain);
            expectNoiseExceptionOrSuccess(() -> server.readClientHello(garbage));

            var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
            client.clientHello();
            expectNoiseExceptionOrSuccess(() -> client.readServerHello(garbage));

            var late = NoiseHandshake.responder(chains.serverStatic, chains.chain);
            late.readClientHello(NoiseHandshake.initiator(clientStatic, chains.verifier()).clientHello());
            late.serverHello();
            expectNoiseExceptionOrSuccess(() -> late.readClientFinish(garbage));
            expectNoiseExceptionOrSuccess(() -> chains.verifier().verify(garbage, garbage));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void expectNoiseExceptionOrSuccess(Step step) {
        try {
            step.run();
        } catch (NoiseException expected) {
            // the only acceptable failure
        } catch (Exception e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    private TransportCipher[] handshake() throws Exception {
        var client = NoiseHandshake.initiator(clientStatic, chains.verifier());
        var server = NoiseHandshake.responder(chains.serverStatic, chains.chain);
        server.readClientHello(client.clientHello());
        client.readServerHello(server.serverHello());
        server.readClientFinish(client.clientFinish(new byte[0]));
        return new TransportCipher[] {client.split(), server.split()};
    }

    private static byte[] single(List<byte[]> frames) {
        assertThat(frames).hasSize(1);
        return frames.getFirst();
    }
}
