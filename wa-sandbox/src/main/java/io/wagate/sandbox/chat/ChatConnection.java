package io.wagate.sandbox.chat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.wagate.engine.binary.MalformedNodeException;
import io.wagate.engine.binary.Node;
import io.wagate.engine.binary.NodeDecoder;
import io.wagate.engine.binary.NodeEncoder;
import io.wagate.engine.crypto.Hashes;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.crypto.PairingCodeCrypto;
import io.wagate.engine.login.DeviceIdentity;
import io.wagate.engine.login.QrString;
import io.wagate.engine.noise.FrameCodec;
import io.wagate.engine.noise.FrameDecoder;
import io.wagate.engine.noise.NoiseException;
import io.wagate.engine.noise.NoiseHandshake;
import io.wagate.engine.noise.TransportCipher;
import io.wagate.engine.proto.ADVDeviceIdentity;
import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import io.wagate.engine.proto.ClientPayload;
import io.wagate.sandbox.fault.Fault;
import io.wagate.sandbox.fault.FaultType;
import io.wagate.sandbox.phone.Phone;
import io.wagate.sandbox.phone.RegisteredDevice;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One client socket on the sandbox. Everything runs under this object's monitor: inbound frames (event loop),
 * timers (sandbox timer) and phone actions (HTTP threads). Outgoing frames are encrypted in send order; a frame
 * delay postpones encryption and emission together so the Noise counters stay in step.
 */
final class ChatConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);
    private static final NodeDecoder DECODER = NodeDecoder.withDefaults();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SERVER = "s.whatsapp.net";

    private enum State { CLIENT_HELLO, CLIENT_FINISH, PAIRING, PAIRED, LOGGED_IN, CLOSED }

    private final ChatServer server;
    private final WebsocketInbound inbound;
    private final WebsocketOutbound outbound;
    private final long id;
    private final Sinks.Many<byte[]> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final FrameDecoder decoder = FrameDecoder.forServer();
    private final FrameCodec codec = FrameCodec.server();
    private NoiseHandshake.@Nullable Responder handshake;
    private @Nullable TransportCipher cipher;
    private @Nullable Connection netty;
    private @Nullable LingeringClose lingeringClose;
    private State state = State.CLIENT_HELLO;
    private String closeReason = "client closed";
    private Duration frameDelay = Duration.ZERO;
    private boolean silent;
    private long stanzaCounter;

    // who the client is
    private byte[] clientStaticKey = new byte[0];
    private byte[] clientIdentityKey = new byte[0];
    private volatile @Nullable RegisteredDevice device;

    // QR refs
    private List<String> refs = List.of();
    private int refIndex = -1;
    private @Nullable ScheduledFuture<?> refTimer;

    // a pairing in flight (phone side)
    private @Nullable PendingPair pendingPair;
    private @Nullable PendingCode pendingCode;

    ChatConnection(ChatServer server, WebsocketInbound inbound, WebsocketOutbound outbound) {
        this.server = server;
        this.inbound = inbound;
        this.outbound = outbound;
        String[] remote = {"unknown"};
        inbound.withConnection(connection -> {
            netty = connection;
            lingeringClose = LingeringClose.install(connection.channel(),
                    server.config().closeHandshakeTimeout());
            remote[0] = String.valueOf(connection.channel().remoteAddress());
        });
        this.id = server.history().opened(remote[0]);
        this.handshake = NoiseHandshake.responder(server.serverStaticKey(), server.certificateChain());
    }

    long id() {
        return id;
    }

    /** Unsynchronized on purpose: other connections ask while holding their own monitor. */
    @Nullable String deviceJid() {
        RegisteredDevice current = device;
        return current == null ? null : current.jid();
    }

    Publisher<Void> run() {
        server.opened(this);
        Connection connection = netty;
        if (connection != null) {
            connection.onDispose(this::disposed);
        }
        inbound.receive().retain().subscribe(buffer -> {
            try {
                byte[] bytes = new byte[buffer.readableBytes()];
                buffer.readBytes(bytes);
                onData(bytes);
            } finally {
                buffer.release();
            }
        }, error -> disposed(), this::disposed);
        return outbound.sendObject(outgoing.asFlux()
                .map(bytes -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes))), frame -> true)
                .then()
                .onErrorResume(error -> Mono.empty());
    }

    // ---- inbound ----

    private synchronized void onData(byte[] bytes) {
        if (state == State.CLOSED || silent) {
            return;
        }
        try {
            for (byte[] frame : decoder.feed(bytes)) {
                if (state == State.CLOSED) {
                    return;
                }
                onFrame(frame);
            }
        } catch (NoiseException e) {
            LOG.info("connection {}: noise failure: {}", id, e.getMessage());
            drop("noise failure: " + e.getMessage());
        } catch (MalformedNodeException e) {
            LOG.info("connection {}: malformed node: {}", id, e.getMessage());
            drop("malformed node");
        }
    }

    private void onFrame(byte[] frame) throws NoiseException, MalformedNodeException {
        switch (state) {
            case CLIENT_HELLO -> {
                NoiseHandshake.Responder responder = responder();
                responder.readClientHello(frame);
                outgoing.tryEmitNext(codec.encode(responder.serverHello()));
                state = State.CLIENT_FINISH;
            }
            case CLIENT_FINISH -> {
                NoiseHandshake.Responder responder = responder();
                NoiseHandshake.ClientFinish finish = responder.readClientFinish(frame);
                cipher = responder.split();
                handshake = null;
                clientStaticKey = finish.clientStaticKey();
                onClientPayload(finish.parsePayload());
            }
            default -> {
                TransportCipher transport = cipher;
                if (transport != null) {
                    onNode(DECODER.decodeFrame(transport.decrypt(frame)));
                }
            }
        }
    }

    private void onClientPayload(ClientPayload payload) {
        if (payload.hasDevicePairingData()) {
            clientIdentityKey = payload.getDevicePairingData().getEIdent().toByteArray();
            startPairing();
        } else {
            login(payload);
        }
    }

    private void onNode(Node node) {
        switch (node.tag()) {
            case "iq" -> onIq(node);
            default -> LOG.debug("connection {}: ignored <{}>", id, node.tag());
        }
    }

    private void onIq(Node iq) {
        String type = String.valueOf(iq.attribute("type"));
        String iqId = String.valueOf(iq.attribute("id"));
        if (type.equals("result") || type.equals("error")) {
            onIqResponse(iqId, iq);
            return;
        }
        String xmlns = String.valueOf(iq.attribute("xmlns"));
        switch (xmlns) {
            case "encrypt" -> onEncryptIq(iqId, type, iq);
            case "md" -> onMdIq(iqId, iq);
            default -> send(result(iqId).build());  // ping (w:p), passive and anything else: a plain result
        }
    }

    private void onEncryptIq(String iqId, String type, Node iq) {
        RegisteredDevice current = device;
        if (type.equals("get") && iq.child("count").isPresent()) {
            int count = current == null ? 0 : current.preKeyCount();
            send(result(iqId).child(Node.builder("count").attribute("value", count).build()).build());
        } else if (type.equals("set") && iq.child("list").isPresent()) {
            int uploaded = iq.child("list").orElseThrow().children("key").size();
            if (current != null) {
                current.preKeysUploaded(uploaded);
            }
            send(result(iqId).build());
        } else {
            send(error(iqId, 400, "bad-request"));
        }
    }

    private void onMdIq(String iqId, Node iq) {
        Optional<Node> codeRegistration = iq.child("link_code_companion_reg");
        if (codeRegistration.isPresent()) {
            String stage = String.valueOf(codeRegistration.get().attribute("stage"));
            switch (stage) {
                case "companion_hello" -> onCompanionHello(iqId, codeRegistration.get());
                case "companion_finish" -> onCompanionFinish(iqId, codeRegistration.get());
                default -> send(error(iqId, 400, "bad-request"));
            }
            return;
        }
        if (iq.child("remove-companion-device").isPresent() && device != null) {
            RegisteredDevice removed = device;
            server.phones().find(userOf(removed.jid())).ifPresent(phone -> phone.remove(removed.deviceId()));
            send(result(iqId).build());
            closeAfterSend("logged out by companion");
            return;
        }
        send(result(iqId).build());
    }

    // ---- QR pairing ----

    private void startPairing() {
        state = State.PAIRING;
        List<String> newRefs = new ArrayList<>();
        for (int i = 0; i < server.config().qrRefs(); i++) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            newRefs.add("2@" + Base64.getEncoder().withoutPadding().encodeToString(random));
        }
        refs = List.copyOf(newRefs);
        List<Node> refNodes = refs.stream().map(ref -> Node.of("ref", Map.of(), ref.getBytes())).toList();
        // The first ref is scannable before the client can possibly show it.
        nextRef();
        send(Node.builder("iq").attribute("from", SERVER).attribute("type", "set").attribute("xmlns", "md")
                .attribute("id", nextStanzaId())
                .child(Node.of("pair-device", Map.of(), refNodes)).build());
    }

    private synchronized void nextRef() {
        if (state != State.PAIRING) {
            return;
        }
        String previous = refIndex >= 0 ? refs.get(refIndex) : null;
        refIndex++;
        if (refIndex >= refs.size()) {
            server.refsEnded(this);
            // A little grace so the client, whose timers run on the same schedule, ends first with qr_expired.
            refTimer = server.timer().schedule(() -> closeQuietly("QR refs exhausted"), 2, TimeUnit.SECONDS);
            return;
        }
        server.showingRef(this, refs.get(refIndex), previous);
        refTimer = server.timer().schedule(this::nextRef, server.config().qrLifetime(refIndex).toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private synchronized void closeQuietly(String reason) {
        if (state == State.PAIRING) {
            closeAfterSend(reason);
        }
    }

    synchronized boolean refreshQr() {
        if (state != State.PAIRING) {
            return false;
        }
        send(Node.builder("notification").attribute("from", SERVER).attribute("type", "companion_reg_refresh")
                .attribute("id", nextStanzaId()).attribute("t", now())
                .child(Node.of("companion_reg_refresh")).build());
        return true;
    }

    synchronized CompletableFuture<PairingResult> scanned(Phone phone, QrString qr, Tamper tamper) {
        if (state != State.PAIRING || refIndex < 0 || refIndex >= refs.size() || !refs.get(refIndex).equals(qr.ref())) {
            return CompletableFuture.completedFuture(PairingResult.failed(410, "QR ref expired", id));
        }
        if (!java.util.Arrays.equals(qr.noisePublicKey(), clientStaticKey)
                || !java.util.Arrays.equals(qr.identityPublicKey(), clientIdentityKey)) {
            return CompletableFuture.completedFuture(PairingResult.failed(400,
                    "QR keys do not match the connection that shows the ref", id));
        }
        return sendPairSuccess(phone, qr.identityPublicKey(), qr.advSecret(), tamper);
    }

    private CompletableFuture<PairingResult> sendPairSuccess(Phone phone, byte[] companionIdentity,
                                                             byte[] advSecret, Tamper tamper) {
        if (pendingPair != null) {
            return CompletableFuture.completedFuture(PairingResult.failed(409, "pairing already in progress", id));
        }
        int deviceId = server.phones().allocateDeviceId(phone);
        ADVDeviceIdentity details = server.phones().deviceDetails(deviceId);
        KeyPair signer = tamper == Tamper.ACCOUNT_SIGNATURE ? KeyPair.generate() : phone.accountKey();
        ADVSignedDeviceIdentity signed = DeviceIdentity.signAsAccount(details, signer, companionIdentity);
        if (tamper == Tamper.ACCOUNT_SIGNATURE) {
            // Announce the phone's real key, so only the signature is wrong.
            signed = signed.toBuilder().setAccountSignatureKey(
                    com.google.protobuf.ByteString.copyFrom(phone.accountKey().publicKey())).build();
        }
        byte[] hmacKey = tamper == Tamper.HMAC ? Hashes.sha256(advSecret) : advSecret;
        byte[] container = DeviceIdentity.hmacContainer(signed, hmacKey).toByteArray();
        String iqId = nextStanzaId();
        String jid = phone.number() + ":" + deviceId + "@" + SERVER;
        String lid = phone.lidUser() + ":" + deviceId + "@lid";
        PendingPair pair = new PendingPair(phone, deviceId, iqId, signed, companionIdentity);
        pendingPair = pair;
        send(Node.builder("iq").attribute("from", SERVER).attribute("type", "set").attribute("xmlns", "md")
                .attribute("id", iqId).attribute("t", now())
                .child(Node.builder("pair-success")
                        .child(Node.of("device-identity", Map.of(), container))
                        .child(Node.builder("platform").attribute("name", "android").build())
                        .child(Node.builder("device").attribute("jid", jid).attribute("lid", lid).build())
                        .build())
                .build());
        Duration timeout = server.config().scanTimeout();
        pair.result().completeOnTimeout(PairingResult.failed(504, "companion did not answer pair-success", id),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        return pair.result();
    }

    private void onIqResponse(String iqId, Node response) {
        PendingPair pair = pendingPair;
        if (pair == null || !pair.iqId().equals(iqId)) {
            return;
        }
        pendingPair = null;
        if ("error".equals(response.attribute("type"))) {
            Node error = response.child("error").orElse(Node.of("error"));
            pair.result().complete(PairingResult.failed(422, "companion rejected pair-success: "
                    + error.attribute("code") + " " + error.attribute("text"), id));
            return;
        }
        Optional<byte[]> signedBytes = response.child("pair-device-sign")
                .flatMap(sign -> sign.child("device-identity")).map(Node::contentBytes);
        ADVSignedDeviceIdentity fromCompanion;
        try {
            fromCompanion = ADVSignedDeviceIdentity.parseFrom(signedBytes.orElse(new byte[0]));
        } catch (InvalidProtocolBufferException e) {
            fromCompanion = ADVSignedDeviceIdentity.getDefaultInstance();
        }
        boolean valid = fromCompanion.getDetails().equals(pair.signed().getDetails())
                && !fromCompanion.hasAccountSignatureKey()
                && DeviceIdentity.deviceSignatureValid(fromCompanion, pair.companionIdentity(),
                        pair.phone().accountKey().publicKey());
        if (!valid) {
            pair.result().complete(PairingResult.failed(422, "companion's device signature is invalid", id));
            sendStreamError(500, null, "bad pair-device-sign");
            return;
        }
        RegisteredDevice linked = server.phones().link(pair.phone(), pair.deviceId(), clientStaticKey,
                pair.companionIdentity());
        server.history().paired(id, linked.jid());
        server.refsEnded(this);
        cancel(refTimer);
        state = State.PAIRED;
        pair.result().complete(PairingResult.linked(linked.jid(), linked.lid(), id));
        // The companion must reconnect and log in with its new identity.
        sendStreamError(515, null, "paired; restart required");
    }

    // ---- pairing code ----

    private void onCompanionHello(String iqId, Node registration) {
        String jid = String.valueOf(registration.attribute("jid"));
        String number = userOf(jid);
        Optional<Phone> phone = server.phones().find(number);
        byte[] wrapped = registration.child("link_code_pairing_wrapped_companion_ephemeral_pub")
                .map(Node::contentBytes).orElse(new byte[0]);
        byte[] noiseKey = registration.child("companion_server_auth_key_pub").map(Node::contentBytes)
                .orElse(new byte[0]);
        String display = registration.child("companion_platform_display").map(Node::contentString).orElse("");
        if (state != State.PAIRING || phone.isEmpty() || wrapped.length != PairingCodeCrypto.WRAPPED_KEY_LENGTH
                || !java.util.Arrays.equals(noiseKey, clientStaticKey) || !display.matches("[A-Za-z]+ \\(.+\\)")) {
            send(error(iqId, 400, "bad-request"));
            return;
        }
        byte[] ref = new byte[20];
        RANDOM.nextBytes(ref);
        String refText = Base64.getEncoder().withoutPadding().encodeToString(ref);
        pendingCode = new PendingCode(number, wrapped, refText.getBytes());
        server.pairingCodeRequested(number, this);
        send(result(iqId).child(Node.builder("link_code_companion_reg")
                .child(Node.of("link_code_pairing_ref", Map.of(), refText.getBytes())).build()).build());
    }

    synchronized CompletableFuture<PairingResult> codeEntered(Phone phone, String code) {
        PendingCode pending = pendingCode;
        if (state != State.PAIRING || pending == null || !pending.number.equals(phone.number())) {
            return CompletableFuture.completedFuture(PairingResult.failed(404, "no pairing code pending", id));
        }
        if (pending.primaryEphemeral != null) {
            return CompletableFuture.completedFuture(PairingResult.failed(409, "code already entered", id));
        }
        try {
            pending.companionEphemeral = PairingCodeCrypto.unwrapEphemeralKey(code, pending.wrappedCompanion);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(PairingResult.failed(400, e.getMessage(), id));
        }
        pending.phone = phone;
        KeyPair primaryEphemeral = KeyPair.generate();
        pending.primaryEphemeral = primaryEphemeral;
        byte[] wrappedPrimary = PairingCodeCrypto.wrapEphemeralKey(code, primaryEphemeral.publicKey(), RANDOM);
        send(Node.builder("notification").attribute("from", SERVER).attribute("type", "link_code_companion_reg")
                .attribute("id", nextStanzaId()).attribute("t", now())
                .child(Node.builder("link_code_companion_reg").attribute("stage", "primary_hello")
                        .child(Node.of("link_code_pairing_ref", Map.of(), pending.ref))
                        .child(Node.of("primary_identity_pub", Map.of(), phone.accountKey().publicKey()))
                        .child(Node.of("link_code_pairing_wrapped_primary_ephemeral_pub", Map.of(), wrappedPrimary))
                        .build())
                .build());
        pending.result.completeOnTimeout(PairingResult.failed(504, "companion did not finish", id),
                server.config().scanTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return pending.result;
    }

    private void onCompanionFinish(String iqId, Node registration) {
        PendingCode pending = pendingCode;
        if (pending == null || pending.primaryEphemeral == null || pending.phone == null
                || pending.companionEphemeral == null) {
            send(error(iqId, 400, "bad-request"));
            return;
        }
        pendingCode = null;
        byte[] bundle = registration.child("link_code_pairing_wrapped_key_bundle").map(Node::contentBytes)
                .orElse(new byte[0]);
        byte[] companionIdentity = registration.child("companion_identity_public").map(Node::contentBytes)
                .orElse(new byte[0]);
        Phone phone = pending.phone;
        PairingCodeCrypto.OpenedKeyBundle opened;
        try {
            opened = PairingCodeCrypto.openKeyBundle(pending.primaryEphemeral, pending.companionEphemeral, bundle);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            send(error(iqId, 401, "wrong-code"));
            pending.result.complete(PairingResult.failed(422, "key bundle does not open: wrong code", id));
            return;
        }
        if (!java.util.Arrays.equals(opened.companionIdentityPublicKey(), companionIdentity)
                || !java.util.Arrays.equals(opened.primaryIdentityPublicKey(), phone.accountKey().publicKey())
                || !java.util.Arrays.equals(companionIdentity, clientIdentityKey)) {
            send(error(iqId, 400, "identity-mismatch"));
            pending.result.complete(PairingResult.failed(422, "key bundle names other identities", id));
            return;
        }
        byte[] advSecret = PairingCodeCrypto.primaryAdvSecret(phone.accountKey(), opened);
        send(result(iqId).build());
        sendPairSuccess(phone, companionIdentity, advSecret, Tamper.NONE)
                .whenComplete((result, error) -> pending.result.complete(result != null ? result
                        : PairingResult.failed(500, String.valueOf(error), id)));
    }

    // ---- login ----

    private void login(ClientPayload payload) {
        String number = Long.toUnsignedString(payload.getUsername());
        int deviceId = payload.getDevice();
        Optional<RegisteredDevice> registered = server.phones().findDevice(number, deviceId);
        if (registered.isEmpty()
                || !java.util.Arrays.equals(registered.get().noisePublicKey(), clientStaticKey)) {
            sendFailure(401, "unknown device " + number + ":" + deviceId);
            return;
        }
        RegisteredDevice loggedIn = registered.get();
        Optional<Fault> failure = server.takeArmedFailure(id, loggedIn.jid());
        if (failure.isPresent()) {
            sendFailure(failure.get().type().code(), "injected " + failure.get().type());
            return;
        }
        device = loggedIn;
        state = State.LOGGED_IN;
        server.history().loggedIn(id, loggedIn.jid());
        for (ChatConnection older : server.liveConnectionsOf(loggedIn.jid(), this)) {
            // Off this thread: taking another connection's monitor while holding ours could deadlock.
            server.timer().execute(older::replaced);
        }
        Phone phone = server.phones().find(number).orElseThrow();
        send(Node.builder("success").attribute("t", now()).attribute("lid", loggedIn.lid())
                .attribute("pushname", phone.pushName()).attribute("props", "1")
                .attribute("location", "sandbox").build());
    }

    private synchronized void replaced() {
        if (state != State.CLOSED) {
            sendStreamError(0, "replaced", "replaced by a newer connection");
        }
    }

    // ---- faults ----

    synchronized void apply(Fault fault) {
        if (state == State.CLOSED) {
            return;
        }
        FaultType type = fault.type();
        switch (type.kind()) {
            case STREAM_ERROR -> {
                if (type == FaultType.DEVICE_REMOVED && device != null) {
                    RegisteredDevice removed = device;
                    server.phones().find(userOf(removed.jid())).ifPresent(phone -> phone.remove(removed.deviceId()));
                }
                sendStreamError(type.code(), type.conflict(), "injected " + type);
            }
            case LOGIN_FAILURE -> sendFailure(type.code(), "injected " + type);
            case SOCKET -> {
                if (type == FaultType.DROP_SOCKET) {
                    drop("injected drop");
                } else {
                    closeAfterSend("injected close");
                }
            }
            case DELAY -> {
                if (type == FaultType.SILENCE) {
                    silent = true;
                } else {
                    frameDelay = fault.delay();
                }
            }
        }
    }

    // ---- output ----

    private void sendStreamError(int code, @Nullable String conflict, String reason) {
        Node.Builder error = Node.builder("stream:error");
        if (code != 0) {
            error.attribute("code", code);
        }
        if (conflict != null) {
            error.child(Node.builder("conflict").attribute("type", conflict).build());
        }
        send(error.build());
        closeAfterSend(reason);
    }

    private void sendFailure(int reason, String why) {
        Node.Builder failure = Node.builder("failure").attribute("reason", reason).attribute("location", "sandbox");
        if (reason == 402) {
            failure.attribute("code", "101").attribute("expire", Long.toString(3600));
        }
        send(failure.build());
        closeAfterSend("failure " + reason + ": " + why);
    }

    private void send(Node node) {
        if (state == State.CLOSED || silent) {
            return;
        }
        if (frameDelay.isZero()) {
            emit(node);
        } else {
            server.timer().schedule(() -> {
                synchronized (this) {
                    emit(node);
                }
            }, frameDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void emit(Node node) {
        TransportCipher transport = cipher;
        if (transport == null || silent) {
            return;
        }
        outgoing.tryEmitNext(codec.encode(transport.encrypt(NodeEncoder.encodeFrame(node))));
    }

    /**
     * Ends the socket after what was sent so far: a WebSocket close frame follows the last frame, and TCP is closed
     * once the client answered it ({@link LingeringClose}).
     */
    private void closeAfterSend(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        closeReason = reason;
        state = State.CLOSED;
        cancel(refTimer);
        Runnable complete = () -> {
            synchronized (this) {
                outgoing.tryEmitComplete();
            }
        };
        if (frameDelay.isZero()) {
            complete.run();
        } else {
            server.timer().schedule(complete, frameDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the TCP connection without a WebSocket close frame, like a network failure. */
    synchronized void drop(String reason) {
        if (state != State.CLOSED) {
            closeReason = reason;
        }
        state = State.CLOSED;
        cancel(refTimer);
        Connection connection = netty;
        if (connection != null && connection.channel().isActive()) {
            LingeringClose lingering = lingeringClose;
            if (lingering != null) {
                lingering.abort();
            }
            try {
                // Linger 0 turns the close into a TCP reset: the peer sees a broken connection, never a clean EOF.
                connection.channel().config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
            } catch (io.netty.channel.ChannelException e) {
                LOG.debug("connection {}: closed before the reset: {}", id, e.getMessage());
            }
            connection.channel().close();
        }
    }

    private synchronized void disposed() {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            cancel(refTimer);
        }
        if (pendingPair != null) {
            pendingPair.result().complete(PairingResult.failed(410, "companion disconnected", id));
        }
        if (pendingCode != null) {
            pendingCode.result.complete(PairingResult.failed(410, "companion disconnected", id));
        }
        server.history().closed(id, closeReason);
        server.closed(this);
    }

    private NoiseHandshake.Responder responder() {
        NoiseHandshake.Responder responder = handshake;
        if (responder == null) {
            throw new IllegalStateException("handshake finished");
        }
        return responder;
    }

    private Node.Builder result(String iqId) {
        return Node.builder("iq").attribute("from", SERVER).attribute("type", "result").attribute("id", iqId);
    }

    private Node error(String iqId, int code, String text) {
        return result(iqId).attribute("type", "error")
                .child(Node.builder("error").attribute("code", code).attribute("text", text).build()).build();
    }

    private String nextStanzaId() {
        return "sb" + id + "." + (++stanzaCounter);
    }

    private String now() {
        return Long.toString(server.clock().instant().getEpochSecond());
    }

    private static void cancel(@Nullable ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static String userOf(String jid) {
        int end = jid.indexOf('@');
        int colon = jid.indexOf(':');
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        return end < 0 ? jid : jid.substring(0, end);
    }
}
