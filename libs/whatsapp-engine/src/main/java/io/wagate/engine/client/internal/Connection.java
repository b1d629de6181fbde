package io.wagate.engine.client.internal;

import io.wagate.engine.binary.MalformedNodeException;
import io.wagate.engine.binary.Node;
import io.wagate.engine.binary.NodeDecoder;
import io.wagate.engine.binary.NodeEncoder;
import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.login.PairingException;
import io.wagate.engine.login.QrString;
import io.wagate.engine.login.internal.ClientPayloads;
import io.wagate.engine.noise.CertificateChain;
import io.wagate.engine.noise.NoiseException;
import io.wagate.engine.store.CredentialStore;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.LinkedAccount;
import io.wagate.engine.store.PreKey;
import io.wagate.engine.transport.TransportListener;
import io.wagate.engine.transport.WebSocketTransport;
import io.wagate.engine.transport.internal.SharedResources;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code connect()} of a client: socket, handshake, pairing or login, and everything until it ends. Spans two
 * sockets only in one case, the restart (515) that completes pairing. All state changes happen under this object's
 * monitor; socket callbacks and timers re-check that they still belong to the live socket ({@code generation}).
 */
public final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final NodeDecoder DECODER = NodeDecoder.withDefaults();
    private static final int ABNORMAL_CLOSURE = 1006;
    /** Only for a reader that never reports after a failed send; normally it ends the connection much sooner. */
    private static final long SEND_FAILURE_FALLBACK_MILLIS = 2_000;

    private enum Phase { CONNECTING, HANDSHAKE, AWAITING_LOGIN, PAIRING, PAIRED, CONNECTED, CLOSED }

    private final EngineConfig config;
    private final CredentialStore store;
    private final EventStream events;
    private final IqTracker iqs = new IqTracker();
    private final CertificateChain trustedChain;

    private Credentials credentials;
    // Volatile so that isClosed()/isConnected() need no monitor: callers may hold other locks.
    private volatile Phase phase = Phase.CONNECTING;
    private int generation;
    private @Nullable WebSocketTransport transport;
    private @Nullable NoiseChannel noise;
    private @Nullable ScheduledFuture<?> connectTimer;
    private @Nullable ScheduledFuture<?> keepAliveTimer;
    private @Nullable ScheduledFuture<?> qrTimer;
    private boolean pingOutstanding;
    private boolean uploadingPreKeys;

    private List<String> refs = List.of();
    private int qrIndex = -1;
    private Instant qrExpiresAt = Instant.EPOCH;
    private Instant pairingWindowEnd = Instant.EPOCH;
    private @Nullable PairingCodeRequest pairingCode;

    public Connection(EngineConfig config, CredentialStore store, EventStream events) {
        this.config = config;
        this.store = store;
        this.events = events;
        this.trustedChain = CertificateChain.trusting(config.rootPublicKey(), 0, Clock.systemUTC());
        this.credentials = store.load().orElseGet(() -> {
            Credentials fresh = Credentials.fresh();
            store.save(fresh);
            return fresh;
        });
    }

    public synchronized void start() {
        openSocket();
    }

    public boolean isClosed() {
        return phase == Phase.CLOSED;
    }

    public boolean isConnected() {
        return phase == Phase.CONNECTED;
    }

    // ---- socket and handshake ----

    private void openSocket() {
        int socketGeneration = ++generation;
        phase = Phase.CONNECTING;
        noise = new NoiseChannel(credentials.noiseKey(), trustedChain);
        connectTimer = SharedResources.timer().schedule(() -> onConnectTimeout(socketGeneration),
                config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        WebSocketTransport.connect(config.endpoint(), config.connectTimeout(), config.executor(),
                        new SocketListener(socketGeneration))
                .whenComplete((socket, error) -> onSocketOpened(socketGeneration, socket, error));
    }

    private synchronized void onSocketOpened(int socketGeneration, @Nullable WebSocketTransport socket,
                                             @Nullable Throwable error) {
        if (socketGeneration != generation || phase == Phase.CLOSED) {
            if (socket != null) {
                socket.abort();
            }
            return;
        }
        if (error != null || socket == null) {
            finish(DisconnectReason.NETWORK, 0, "connect failed: " + rootMessage(error));
            return;
        }
        transport = socket;
        phase = Phase.HANDSHAKE;
        socket.send(noise().clientHello());
    }

    private synchronized void onConnectTimeout(int socketGeneration) {
        if (socketGeneration == generation && (phase == Phase.CONNECTING || phase == Phase.HANDSHAKE
                || phase == Phase.AWAITING_LOGIN)) {
            finish(DisconnectReason.NETWORK, 0, "connect timed out after " + config.connectTimeout());
        }
    }

    private synchronized void onData(int socketGeneration, ByteBuffer data) {
        if (socketGeneration != generation || phase == Phase.CLOSED) {
            return;
        }
        NoiseChannel channel = noise();
        try {
            channel.feed(data, frame -> {
                if (socketGeneration == generation && phase != Phase.CLOSED) {
                    onFrame(channel, frame);
                }
            });
        } catch (NoiseException e) {
            finish(phase == Phase.HANDSHAKE ? DisconnectReason.HANDSHAKE_FAILED : DisconnectReason.UNKNOWN, 0,
                    "noise: " + e.getMessage());
        } catch (MalformedNodeException e) {
            finish(DisconnectReason.UNKNOWN, 0, "malformed node: " + e.getMessage());
        }
    }

    private void onFrame(NoiseChannel channel, byte[] frame) throws NoiseException, MalformedNodeException {
        if (phase == Phase.HANDSHAKE) {
            byte[] payload = (credentials.registered()
                    ? ClientPayloads.login(config, credentials)
                    : ClientPayloads.registration(config, credentials)).toByteArray();
            byte[] finish = channel.completeHandshake(frame, payload);
            phase = Phase.AWAITING_LOGIN;
            transport().send(finish);
            return;
        }
        onNode(DECODER.decodeFrame(channel.decrypt(frame)));
    }

    private synchronized void onSocketClosed(int socketGeneration, int statusCode, String detail, boolean error) {
        if (socketGeneration != generation || phase == Phase.CLOSED) {
            return;
        }
        if (phase == Phase.PAIRING && !Instant.now().isBefore(pairingWindowEnd)) {
            // The server ends the connection when its refs run out; our own timers may lag a little behind.
            finish(DisconnectReason.QR_EXPIRED, 408, "QR refs exhausted; server closed");
        } else if (phase == Phase.HANDSHAKE) {
            finish(DisconnectReason.HANDSHAKE_FAILED, 0, "socket ended during handshake: " + detail);
        } else {
            finish(error ? DisconnectReason.NETWORK : DisconnectReason.CONNECTION_CLOSED, statusCode, detail);
        }
    }

    // ---- nodes ----

    private void onNode(Node node) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("recv {}", node);
        }
        switch (node.tag()) {
            case "iq" -> onIq(node);
            case "success" -> onSuccess(node);
            case "failure" -> finish(Classification.ofFailure(node));
            case "stream:error" -> onStreamError(node);
            case "xmlstreamend" -> finish(DisconnectReason.CONNECTION_CLOSED, 0, "xmlstreamend");
            case "notification" -> onNotification(node);
            default -> LOG.debug("ignored <{}>", node.tag());
        }
    }

    private void onIq(Node iq) {
        String type = iq.attribute("type");
        if ("result".equals(type) || "error".equals(type)) {
            iqs.complete(iq);
            return;
        }
        String id = String.valueOf(iq.attribute("id"));
        if (iq.child("pair-device").isPresent()) {
            onPairDevice(id, iq.child("pair-device").orElseThrow());
        } else if (iq.child("pair-success").isPresent()) {
            onPairSuccess(id, iq.child("pair-success").orElseThrow());
        } else {
            // Server pings (xmlns urn:xmpp:ping) and anything else we do not handle get an empty result, which is
            // what keeps the server from counting us as unresponsive.
            send(Stanzas.result(id));
        }
    }

    private void onStreamError(Node node) {
        Classification classification = Classification.ofStreamError(node);
        if (classification.reason() == DisconnectReason.RESTART_REQUIRED && phase == Phase.PAIRED) {
            LOG.info("pairing complete; restarting the connection to log in");
            restartToLogIn();
            return;
        }
        finish(classification);
    }

    /** The credentials are saved at pair-success; a server that never sends 515 must not strand us. */
    private synchronized void restartIfStillPaired(int socketGeneration) {
        if (socketGeneration == generation && phase == Phase.PAIRED) {
            LOG.warn("no restart request after pairing within {}; logging in anyway", config.connectTimeout());
            restartToLogIn();
        }
    }

    private void restartToLogIn() {
        cancel(connectTimer);
        WebSocketTransport old = transport;
        transport = null;
        if (old != null) {
            old.abort();
        }
        openSocket();
    }

    private void onNotification(Node node) {
        send(Stanzas.ack(node));
        String type = String.valueOf(node.attribute("type"));
        switch (type) {
            case "companion_reg_refresh" -> onCompanionRegRefresh();
            case "link_code_companion_reg" -> onPrimaryHello(node.child("link_code_companion_reg").orElse(node));
            case "encrypt" -> node.child("count").map(count -> parseInt(count.attribute("value")))
                    .ifPresent(this::onServerPreKeyCount);
            default -> LOG.debug("ignored notification {}", type);
        }
    }

    // ---- QR pairing ----

    private void onPairDevice(String id, Node pairDevice) {
        send(Stanzas.result(id));
        cancel(connectTimer);
        refs = pairDevice.children("ref").stream().map(ref -> String.valueOf(ref.contentString())).toList();
        if (refs.isEmpty()) {
            finish(DisconnectReason.PAIRING_FAILED, 0, "pair-device without refs");
            return;
        }
        phase = Phase.PAIRING;
        Duration window = config.firstQrTimeout().plus(config.nextQrTimeout().multipliedBy(refs.size() - 1L));
        pairingWindowEnd = Instant.now().plus(window);
        qrIndex = -1;
        showNextQr(generation);
        PairingCodeRequest request = pairingCode;
        if (request != null && !request.helloSent()) {
            sendCompanionHello(request);
        }
    }

    private synchronized void showNextQr(int socketGeneration) {
        if (socketGeneration != generation || phase != Phase.PAIRING) {
            return;
        }
        qrIndex++;
        if (qrIndex >= refs.size()) {
            finish(DisconnectReason.QR_EXPIRED, 408, "all " + refs.size() + " QR refs expired");
            return;
        }
        Duration lifetime = qrIndex == 0 ? config.firstQrTimeout() : config.nextQrTimeout();
        qrExpiresAt = Instant.now().plus(lifetime);
        emitQr();
        qrTimer = SharedResources.timer().schedule(() -> showNextQr(socketGeneration), lifetime.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void emitQr() {
        if (pairingCode != null) {
            return;  // the user chose the code; a QR would only confuse
        }
        String qr = new QrString(refs.get(qrIndex), credentials.noiseKey().publicKey(),
                credentials.identityKey().publicKey(), credentials.advSecret(), config.platform().qrPlatformId())
                .format();
        events.emit(new ClientEvent.QrCode(qr, qrIndex, qrExpiresAt));
    }

    /** The server asks for a new ADV secret (2026 behaviour); the current ref stays, the QR text changes. */
    private void onCompanionRegRefresh() {
        if (phase != Phase.PAIRING) {
            return;
        }
        credentials = credentials.withAdvSecret(Credentials.randomBytes(32));
        store.save(credentials);
        emitQr();
    }

    private void onPairSuccess(String id, Node pairSuccess) {
        if (phase != Phase.PAIRING) {
            send(Stanzas.error(id, 500, "internal-error"));
            return;
        }
        PairSuccess.Accepted accepted;
        try {
            accepted = PairSuccess.accept(id, pairSuccess, credentials);
        } catch (PairingException e) {
            send(Stanzas.error(id, e.errorCode(), e.errorText()));
            finish(DisconnectReason.PAIRING_FAILED, e.errorCode(), e.errorText() + ": " + e.getMessage());
            return;
        }
        LinkedAccount account = accepted.account();
        credentials = credentials.withAccount(account);
        store.save(credentials);
        send(accepted.reply());
        cancel(qrTimer);
        phase = Phase.PAIRED;
        int socketGeneration = generation;
        connectTimer = SharedResources.timer().schedule(() -> restartIfStillPaired(socketGeneration),
                config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        events.emit(new ClientEvent.Paired(account.jid(), account.lid(), account.platform(), account.businessName()));
    }

    // ---- pairing code ----

    public synchronized CompletableFuture<String> requestPairingCode(String phoneNumber) {
        String digits = phoneNumber.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a phone number: " + phoneNumber));
        }
        if (credentials.registered() || phase == Phase.CLOSED || phase == Phase.CONNECTED || phase == Phase.PAIRED) {
            return CompletableFuture.failedFuture(new IllegalStateException("pairing codes need an unpaired, "
                    + "connecting client"));
        }
        if (pairingCode != null) {
            return pairingCode.result();
        }
        PairingCodeRequest request = new PairingCodeRequest(digits);
        pairingCode = request;
        if (phase == Phase.PAIRING) {
            sendCompanionHello(request);
        }
        return request.result();
    }

    private void sendCompanionHello(PairingCodeRequest request) {
        Node hello = request.hello(credentials.noiseKey().publicKey(), config.platform());
        int socketGeneration = generation;
        sendIq("set", "md", hello, config.iqTimeout()).whenComplete((result, error) -> {
            synchronized (this) {
                if (socketGeneration != generation || phase == Phase.CLOSED) {
                    return;
                }
                if (error != null) {
                    request.result().completeExceptionally(unwrap(error));
                    return;
                }
                request.referenceReceived(result.child("link_code_companion_reg")
                        .flatMap(node -> node.child("link_code_pairing_ref")).map(Node::contentBytes).orElse(null));
                events.emit(new ClientEvent.PairingCode(request.displayCode(), pairingWindowEnd));
                request.result().complete(request.displayCode());
            }
        });
    }

    private void onPrimaryHello(Node registration) {
        PairingCodeRequest request = pairingCode;
        if (request == null || phase != Phase.PAIRING) {
            return;
        }
        PairingCodeRequest.Finish finish;
        try {
            finish = request.answer(registration, credentials.identityKey());
        } catch (IllegalArgumentException e) {
            finish(DisconnectReason.PAIRING_FAILED, 0, "primary hello unusable: " + e.getMessage());
            return;
        }
        credentials = credentials.withAdvSecret(finish.advSecret());
        store.save(credentials);
        int socketGeneration = generation;
        sendIq("set", "md", finish.stanza(), config.iqTimeout()).whenComplete((result, error) -> {
            synchronized (this) {
                if (error != null && socketGeneration == generation && phase == Phase.PAIRING) {
                    Throwable cause = unwrap(error);
                    finish(DisconnectReason.PAIRING_FAILED, cause instanceof IqErrorException iq ? iq.code() : 0,
                            "companion_finish rejected: " + cause.getMessage());
                }
            }
        });
    }

    // ---- logged in ----

    private void onSuccess(Node success) {
        LinkedAccount account = credentials.account();
        if (account == null) {
            finish(DisconnectReason.UNKNOWN, 0, "success without a linked account");
            return;
        }
        cancel(connectTimer);
        phase = Phase.CONNECTED;
        String lid = success.attribute("lid");
        if (lid != null && !lid.equals(account.lid())) {
            account = new LinkedAccount(account.jid(), lid, account.signedDeviceIdentity(),
                    account.primaryIdentityKey(), account.keyIndex(), account.platform(), account.businessName());
            credentials = credentials.withAccount(account);
            store.save(credentials);
        }
        String pushName = success.optionalAttribute("pushname").orElse(credentials.pushName());
        if (pushName == null && !config.pushName().isEmpty()) {
            pushName = config.pushName();
        }
        events.emit(new ClientEvent.Connected(account.phoneNumber(), account.jid(), account.lid(), pushName,
                account.platform()));
        sendIq("set", "passive", Node.of("active"), config.iqTimeout())
                .exceptionally(error -> {
                    LOG.debug("passive iq failed: {}", rootMessage(error));
                    return null;
                });
        int socketGeneration = generation;
        sendIq("get", "encrypt", Node.of("count"), config.iqTimeout()).whenComplete((result, error) -> {
            if (error == null) {
                synchronized (this) {
                    if (socketGeneration == generation) {
                        onServerPreKeyCount(result.child("count").map(c -> parseInt(c.attribute("value")))
                                .orElse(0));
                    }
                }
            }
        });
        long interval = config.keepAliveInterval().toMillis();
        keepAliveTimer = SharedResources.timer().scheduleWithFixedDelay(() -> ping(socketGeneration), interval,
                interval, TimeUnit.MILLISECONDS);
    }

    private void onServerPreKeyCount(int serverCount) {
        if (phase != Phase.CONNECTED || uploadingPreKeys || serverCount >= config.preKeyMinimum()) {
            return;
        }
        uploadingPreKeys = true;
        List<PreKey> keys = PreKeyUpload.generate(credentials.nextPreKeyId(), config.preKeyUploadBatch());
        credentials = credentials.withNextPreKeyId(PreKeyUpload.nextIdAfter(keys));
        // Stored before the upload: once the server has them it may hand them out at any moment.
        store.saveWithPreKeys(credentials, keys);
        String id = iqs.nextId();
        CompletableFuture<Node> result = iqs.register(id, config.iqTimeout());
        send(PreKeyUpload.stanza(id, credentials, keys));
        result.whenComplete((node, error) -> {
            synchronized (this) {
                uploadingPreKeys = false;
                if (error == null) {
                    events.emit(new ClientEvent.PreKeysUploaded(keys.size(), serverCount));
                } else if (!(unwrap(error) instanceof CancellationException)) {
                    LOG.warn("prekey upload failed: {}", rootMessage(error));
                }
            }
        });
    }

    private synchronized void ping(int socketGeneration) {
        if (socketGeneration != generation || phase != Phase.CONNECTED || pingOutstanding) {
            return;
        }
        pingOutstanding = true;
        sendIq("get", "w:p", Node.of("ping"), config.keepAliveDeadline()).whenComplete((result, error) -> {
            synchronized (this) {
                pingOutstanding = false;
                if (error != null && unwrap(error) instanceof TimeoutException && socketGeneration == generation) {
                    finish(DisconnectReason.KEEPALIVE_TIMEOUT, 0,
                            "no keep-alive answer within " + config.keepAliveDeadline());
                }
            }
        });
    }

    public synchronized CompletableFuture<Void> logout() {
        LinkedAccount account = credentials.account();
        if (phase != Phase.CONNECTED || account == null) {
            finish(DisconnectReason.LOGGED_OUT, 0, "logged out locally");
            store.delete();
            return CompletableFuture.completedFuture(null);
        }
        Node remove = Node.builder("remove-companion-device").attribute("jid", account.jid())
                .attribute("reason", "user_initiated").build();
        CompletableFuture<Void> done = new CompletableFuture<>();
        sendIq("set", "md", remove, config.iqTimeout()).whenComplete((result, error) -> {
            synchronized (this) {
                finish(DisconnectReason.LOGGED_OUT, 0, error == null ? "logged out"
                        : "logged out locally; server did not confirm: " + rootMessage(error));
            }
            done.complete(null);
        });
        return done;
    }

    public synchronized void close() {
        finish(DisconnectReason.CLIENT_CLOSED, 0, "closed by client");
    }

    // ---- plumbing ----

    private CompletableFuture<Node> sendIq(String type, String xmlns, Node child, Duration timeout) {
        String id = iqs.nextId();
        CompletableFuture<Node> result = iqs.register(id, timeout);
        send(Stanzas.iq(id, type, xmlns, child));
        return result;
    }

    private void send(Node node) {
        WebSocketTransport socket = transport;
        NoiseChannel channel = noise;
        if (socket == null || channel == null || phase == Phase.CLOSED) {
            return;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("send {}", node);
        }
        socket.send(channel.encrypt(NodeEncoder.encodeFrame(node)));
    }

    private void finish(Classification classification) {
        finish(classification.reason(), classification.code(), classification.detail());
    }

    private void finish(DisconnectReason reason, int code, String detail) {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        generation++;
        cancel(connectTimer);
        cancel(keepAliveTimer);
        cancel(qrTimer);
        iqs.failAll(new CancellationException("connection ended: " + reason.code()));
        if (pairingCode != null) {
            pairingCode.result().completeExceptionally(new CancellationException("connection ended"));
        }
        boolean removed = false;
        if (reason.credentialsInvalid()) {
            store.delete();
            removed = true;
        }
        WebSocketTransport socket = transport;
        transport = null;
        if (socket != null) {
            if (reason == DisconnectReason.CLIENT_CLOSED || reason == DisconnectReason.LOGGED_OUT) {
                socket.close();
            } else {
                socket.abort();
            }
        }
        LOG.info("disconnected: {} ({}) {}", reason.code(), code, detail);
        events.emit(new ClientEvent.Disconnected(reason, code, detail, removed));
    }

    private NoiseChannel noise() {
        NoiseChannel channel = noise;
        if (channel == null) {
            throw new IllegalStateException("no noise channel");
        }
        return channel;
    }

    private WebSocketTransport transport() {
        WebSocketTransport socket = transport;
        if (socket == null) {
            throw new IllegalStateException("no socket");
        }
        return socket;
    }

    private static void cancel(@Nullable ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static int parseInt(@Nullable String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String rootMessage(@Nullable Throwable error) {
        if (error == null) {
            return "unknown";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Binds socket callbacks to the socket they came from, so a replaced socket cannot touch the new state. */
    private final class SocketListener implements TransportListener {
        private final int socketGeneration;

        SocketListener(int socketGeneration) {
            this.socketGeneration = socketGeneration;
        }

        @Override
        public void onData(ByteBuffer data) {
            Connection.this.onData(socketGeneration, data);
        }

        @Override
        public void onClosed(int statusCode, String reason) {
            // 1006 means no close frame arrived: the TCP connection broke, which is a network failure.
            boolean abnormal = statusCode == ABNORMAL_CLOSURE;
            onSocketClosed(socketGeneration, abnormal ? 0 : statusCode,
                    "socket closed by server (" + statusCode + " " + reason + ")", abnormal);
        }

        @Override
        public void onError(Throwable error) {
            // The reader has delivered all it got: a stream:error that arrived before the failure is classified.
            onSocketClosed(socketGeneration, 0, "socket error: " + rootMessage(error), true);
        }

        @Override
        public void onSendFailed(Throwable error) {
            // A failed write can overtake a stream:error still being read. The reader ends too once the socket is
            // broken, after what it already holds, so its report decides; the timer only guards against silence.
            String detail = "socket error: " + rootMessage(error);
            SharedResources.timer().schedule(() -> onSocketClosed(socketGeneration, 0, detail, true),
                    SEND_FAILURE_FALLBACK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

}
