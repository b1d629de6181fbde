package io.wagate.engine.noise;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.wagate.engine.crypto.Curve;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.proto.CertChain;
import io.wagate.engine.proto.ClientPayload;
import io.wagate.engine.proto.HandshakeMessage;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * WhatsApp's Noise_XX_25519_AESGCM_SHA256 handshake, in both roles. Messages are serialized {@code HandshakeMessage}
 * protobufs, ready to be framed. Each role is a one-shot state machine; calling a step out of order throws
 * {@link IllegalStateException}.
 *
 * <pre>
 * initiator (client)                          responder (server)
 *   clientHello()            -- e -->           readClientHello()
 *   readServerHello()  <-- e, ee, s, es, cert -- serverHello()
 *   clientFinish(payload)    -- s, se, payload -> readClientFinish()
 *   split()                                     split()
 * </pre>
 */
public final class NoiseHandshake {

    private NoiseHandshake() {
    }

    /** A client handshake with a fresh ephemeral key and the standard prologue (the intro header). */
    public static Initiator initiator(KeyPair staticKey, CertificateChain certificateChain) {
        return new Initiator(staticKey, KeyPair.generate(), certificateChain, FrameCodec.introHeader());
    }

    /** A client handshake with every input given, for tests and for a non-default prologue. */
    public static Initiator initiator(KeyPair staticKey, KeyPair ephemeralKey, CertificateChain certificateChain,
            byte[] prologue) {
        return new Initiator(staticKey, ephemeralKey, certificateChain, prologue.clone());
    }

    /** A server handshake presenting the given serialized {@code CertChain}, whose leaf key is our static key. */
    public static Responder responder(KeyPair staticKey, byte[] certificateChain) {
        return new Responder(staticKey, KeyPair.generate(), certificateChain.clone(), FrameCodec.introHeader());
    }

    public static Responder responder(KeyPair staticKey, CertChain certificateChain) {
        return responder(staticKey, certificateChain.toByteArray());
    }

    public static Responder responder(KeyPair staticKey, KeyPair ephemeralKey, byte[] certificateChain,
            byte[] prologue) {
        return new Responder(staticKey, ephemeralKey, certificateChain.clone(), prologue.clone());
    }

    private static HandshakeMessage parse(byte[] message) throws NoiseException {
        try {
            return HandshakeMessage.parseFrom(message);
        } catch (InvalidProtocolBufferException e) {
            throw new NoiseException("handshake message is not a valid protobuf", e);
        }
    }

    private static byte[] decrypt(SymmetricState state, byte[] ciphertext, String what) throws NoiseException {
        try {
            return state.decryptAndHash(ciphertext);
        } catch (AEADBadTagException e) {
            throw new NoiseException("cannot decrypt " + what + ": authentication failed", e);
        }
    }

    private static byte[] requireKey(ByteString key, String what) throws NoiseException {
        if (key.size() != Curve.KEY_LENGTH) {
            throw new NoiseException(what + " must be 32 bytes, got " + key.size());
        }
        return key.toByteArray();
    }

    /** The client side. */
    public static final class Initiator {

        private enum Step { START, HELLO_SENT, HELLO_RECEIVED, FINISHED, SPLIT, FAILED }

        private final KeyPair staticKey;
        private final KeyPair ephemeralKey;
        private final CertificateChain certificateChain;
        private final SymmetricState state;
        private Step step = Step.START;
        private byte @Nullable [] serverEphemeral;
        private CertificateChain.@Nullable Verified serverCertificate;

        private Initiator(KeyPair staticKey, KeyPair ephemeralKey, CertificateChain certificateChain,
                byte[] prologue) {
            this.staticKey = staticKey;
            this.ephemeralKey = ephemeralKey;
            this.certificateChain = certificateChain;
            this.state = new SymmetricState(prologue);
        }

        /** Step 1: the ClientHello message carrying our ephemeral key. */
        public byte[] clientHello() {
            advance(Step.START, Step.HELLO_SENT);
            byte[] ephemeral = ephemeralKey.publicKey();
            state.mixHash(ephemeral);
            return HandshakeMessage.newBuilder()
                    .setClientHello(HandshakeMessage.ClientHello.newBuilder()
                            .setEphemeral(ByteString.copyFrom(ephemeral)))
                    .build().toByteArray();
        }

        /**
         * Step 2: processes the ServerHello: learns the server's ephemeral and static keys and verifies its
         * certificate chain, whose leaf must certify that static key.
         */
        public CertificateChain.Verified readServerHello(byte[] message) throws NoiseException {
            expect(Step.HELLO_SENT, Step.HELLO_RECEIVED);
            step = Step.FAILED;
            HandshakeMessage.ServerHello hello = parse(message).getServerHello();
            if (!hello.hasStatic() || !hello.hasPayload()) {
                throw new NoiseException("ServerHello lacks its static key or payload");
            }
            byte[] remoteEphemeral = requireKey(hello.getEphemeral(), "server ephemeral key");
            state.mixHash(remoteEphemeral);
            state.mixKey(ephemeralKey.agree(remoteEphemeral));
            byte[] remoteStatic = decrypt(state, hello.getStatic().toByteArray(), "server static key");
            if (remoteStatic.length != Curve.KEY_LENGTH) {
                throw new NoiseException("server static key must be 32 bytes, got " + remoteStatic.length);
            }
            state.mixKey(ephemeralKey.agree(remoteStatic));
            byte[] certificate = decrypt(state, hello.getPayload().toByteArray(), "certificate payload");
            CertificateChain.Verified verified = certificateChain.verify(certificate, remoteStatic);
            serverEphemeral = remoteEphemeral;
            serverCertificate = verified;
            step = Step.HELLO_RECEIVED;
            return verified;
        }

        /** Step 3: the ClientFinish message with our encrypted static key and the encrypted client payload. */
        public byte[] clientFinish(byte[] clientPayload) {
            advance(Step.HELLO_RECEIVED, Step.FINISHED);
            byte[] remoteEphemeral = serverEphemeral;
            if (remoteEphemeral == null) {
                throw new IllegalStateException("no server ephemeral key");
            }
            byte[] encryptedStatic = state.encryptAndHash(staticKey.publicKey());
            state.mixKey(staticKey.agree(remoteEphemeral));
            byte[] encryptedPayload = state.encryptAndHash(clientPayload);
            return HandshakeMessage.newBuilder()
                    .setClientFinish(HandshakeMessage.ClientFinish.newBuilder()
                            .setStatic(ByteString.copyFrom(encryptedStatic))
                            .setPayload(ByteString.copyFrom(encryptedPayload)))
                    .build().toByteArray();
        }

        public byte[] clientFinish(ClientPayload clientPayload) {
            return clientFinish(clientPayload.toByteArray());
        }

        /** Step 4: the transport cipher (we write with the first key and read with the second). */
        public TransportCipher split() {
            advance(Step.FINISHED, Step.SPLIT);
            byte[][] keys = state.split();
            return TransportCipher.of(keys[0], keys[1]);
        }

        /** The verified server certificate, once {@link #readServerHello} succeeded. */
        public CertificateChain.@Nullable Verified serverCertificate() {
            return serverCertificate;
        }

        /** The final handshake hash (channel binding); equal on both sides after a successful handshake. */
        public byte[] handshakeHash() {
            return state.handshakeHash();
        }

        private void advance(Step expected, Step next) {
            expect(expected, next);
            step = next;
        }

        /**
         * Reading steps mark the handshake failed first and move on only when the message was valid: the hash and
         * keys already absorbed part of a bad message, so a failed handshake can neither continue nor be split.
         */
        private void expect(Step expected, Step next) {
            if (step != expected) {
                throw new IllegalStateException("handshake step " + next + " called in state " + step);
            }
        }
    }

    /** The server side, as run by the sandbox server. */
    public static final class Responder {

        private enum Step { START, HELLO_RECEIVED, HELLO_SENT, FINISHED, SPLIT, FAILED }

        private final KeyPair staticKey;
        private final KeyPair ephemeralKey;
        private final byte[] certificateChain;
        private final SymmetricState state;
        private Step step = Step.START;
        private byte @Nullable [] clientEphemeral;

        private Responder(KeyPair staticKey, KeyPair ephemeralKey, byte[] certificateChain, byte[] prologue) {
            this.staticKey = staticKey;
            this.ephemeralKey = ephemeralKey;
            this.certificateChain = certificateChain;
            this.state = new SymmetricState(prologue);
        }

        /** Step 1: processes the ClientHello. */
        public void readClientHello(byte[] message) throws NoiseException {
            expect(Step.START, Step.HELLO_RECEIVED);
            step = Step.FAILED;
            HandshakeMessage.ClientHello hello = parse(message).getClientHello();
            byte[] remoteEphemeral = requireKey(hello.getEphemeral(), "client ephemeral key");
            state.mixHash(remoteEphemeral);
            clientEphemeral = remoteEphemeral;
            step = Step.HELLO_RECEIVED;
        }

        /** Step 2: the ServerHello with our ephemeral key, encrypted static key and encrypted certificate chain. */
        public byte[] serverHello() {
            advance(Step.HELLO_RECEIVED, Step.HELLO_SENT);
            byte[] remoteEphemeral = clientEphemeral;
            if (remoteEphemeral == null) {
                throw new IllegalStateException("no client ephemeral key");
            }
            byte[] ephemeral = ephemeralKey.publicKey();
            state.mixHash(ephemeral);
            state.mixKey(ephemeralKey.agree(remoteEphemeral));
            byte[] encryptedStatic = state.encryptAndHash(staticKey.publicKey());
            state.mixKey(staticKey.agree(remoteEphemeral));
            byte[] encryptedCertificate = state.encryptAndHash(certificateChain);
            return HandshakeMessage.newBuilder()
                    .setServerHello(HandshakeMessage.ServerHello.newBuilder()
                            .setEphemeral(ByteString.copyFrom(ephemeral))
                            .setStatic(ByteString.copyFrom(encryptedStatic))
                            .setPayload(ByteString.copyFrom(encryptedCertificate)))
                    .build().toByteArray();
        }

        /**
         * Step 3: processes the ClientFinish. Decrypting the payload under a key mixed from our ephemeral and the
         * client's static key is what proves the client owns that static key.
         */
        public ClientFinish readClientFinish(byte[] message) throws NoiseException {
            expect(Step.HELLO_SENT, Step.FINISHED);
            step = Step.FAILED;
            HandshakeMessage.ClientFinish finish = parse(message).getClientFinish();
            if (!finish.hasStatic() || !finish.hasPayload()) {
                throw new NoiseException("ClientFinish lacks its static key or payload");
            }
            byte[] clientStatic = decrypt(state, finish.getStatic().toByteArray(), "client static key");
            if (clientStatic.length != Curve.KEY_LENGTH) {
                throw new NoiseException("client static key must be 32 bytes, got " + clientStatic.length);
            }
            state.mixKey(ephemeralKey.agree(clientStatic));
            byte[] payload = decrypt(state, finish.getPayload().toByteArray(), "client payload");
            step = Step.FINISHED;
            return new ClientFinish(clientStatic, payload);
        }

        /** Step 4: the transport cipher (we write with the second key and read with the first). */
        public TransportCipher split() {
            advance(Step.FINISHED, Step.SPLIT);
            byte[][] keys = state.split();
            return TransportCipher.of(keys[1], keys[0]);
        }

        public byte[] handshakeHash() {
            return state.handshakeHash();
        }

        private void advance(Step expected, Step next) {
            expect(expected, next);
            step = next;
        }

        /**
         * Reading steps mark the handshake failed first and move on only when the message was valid: the hash and
         * keys already absorbed part of a bad message, so a failed handshake can neither continue nor be split.
         */
        private void expect(Step expected, Step next) {
            if (step != expected) {
                throw new IllegalStateException("handshake step " + next + " called in state " + step);
            }
        }
    }

    /**
     * What the server learns from ClientFinish.
     *
     * @param clientStaticKey the client's authenticated Noise static public key (32 bytes)
     * @param payload the serialized {@code ClientPayload}
     */
    public record ClientFinish(byte[] clientStaticKey, byte[] payload) {

        public ClientPayload parsePayload() throws NoiseException {
            try {
                return ClientPayload.parseFrom(payload);
            } catch (InvalidProtocolBufferException e) {
                throw new NoiseException("client payload is not a valid ClientPayload", e);
            }
        }
    }
}
