package io.wagate.engine.client.internal;

import io.wagate.engine.binary.MalformedNodeException;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.noise.CertificateChain;
import io.wagate.engine.noise.FrameCodec;
import io.wagate.engine.noise.FrameDecoder;
import io.wagate.engine.noise.NoiseException;
import io.wagate.engine.noise.NoiseHandshake;
import io.wagate.engine.noise.TransportCipher;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The client's view of one socket's byte stream: framing in both directions, the Noise handshake, then the
 * transport cipher. One per socket; the handshake state is dropped as soon as it is no longer needed.
 */
final class NoiseChannel {

    private final FrameCodec codec = FrameCodec.client();
    private final FrameDecoder decoder = FrameDecoder.forClient();
    private NoiseHandshake.@Nullable Initiator handshake;
    private @Nullable TransportCipher cipher;

    NoiseChannel(KeyPair staticKey, CertificateChain trustedChain) {
        this.handshake = NoiseHandshake.initiator(staticKey, trustedChain);
    }

    /** The first bytes on the socket: intro header and the framed ClientHello. */
    byte[] clientHello() {
        return codec.encode(initiator().clientHello());
    }

    /** Splits received bytes into frames; the handler sees each one in order. */
    void feed(ByteBuffer data, FrameHandler handler) throws NoiseException, MalformedNodeException {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        for (byte[] frame : decoder.feed(chunk)) {
            handler.onFrame(frame);
        }
    }

    /** Verifies the ServerHello (certificate chain included) and returns the framed ClientFinish. */
    byte[] completeHandshake(byte[] serverHello, byte[] clientPayload) throws NoiseException {
        NoiseHandshake.Initiator initiator = initiator();
        initiator.readServerHello(serverHello);
        byte[] finish = initiator.clientFinish(clientPayload);
        cipher = initiator.split();
        handshake = null;
        return codec.encode(finish);
    }

    byte[] encrypt(byte[] plaintext) {
        return codec.encode(transport().encrypt(plaintext));
    }

    byte[] decrypt(byte[] frame) throws NoiseException {
        return transport().decrypt(frame);
    }

    private NoiseHandshake.Initiator initiator() {
        NoiseHandshake.Initiator initiator = handshake;
        if (initiator == null) {
            throw new IllegalStateException("handshake already completed");
        }
        return initiator;
    }

    private TransportCipher transport() {
        TransportCipher transportCipher = cipher;
        if (transportCipher == null) {
            throw new IllegalStateException("handshake not completed");
        }
        return transportCipher;
    }

    /** Receives whole frames; may throw to end the connection. */
    interface FrameHandler {
        void onFrame(byte[] frame) throws NoiseException, MalformedNodeException;
    }
}
