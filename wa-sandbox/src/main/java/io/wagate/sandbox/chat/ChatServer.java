package io.wagate.sandbox.chat;

import com.google.protobuf.ByteString;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.login.QrString;
import io.wagate.engine.noise.CertificateAuthority;
import io.wagate.engine.proto.CertChain;
import io.wagate.sandbox.SandboxConfig;
import io.wagate.sandbox.fault.ArmedFailures;
import io.wagate.sandbox.fault.Fault;
import io.wagate.sandbox.fault.FaultType;
import io.wagate.sandbox.history.ConnectionHistory;
import io.wagate.sandbox.phone.Phone;
import io.wagate.sandbox.phone.PhoneRegistry;
import io.wagate.sandbox.phone.RegisteredDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Shared state of the protocol server: the certificate chain, live connections, refs on display, pending pairing
 * codes and armed failures. Connections do the per-socket work ({@link ChatConnection}).
 */
public final class ChatServer implements AutoCloseable {

    private final SandboxConfig config;
    private final PhoneRegistry phones;
    private final ConnectionHistory history;
    private final Clock clock;
    private final KeyPair serverStaticKey = KeyPair.generate();
    private final byte[] validChain;
    private final byte[] tamperedChain;
    private final AtomicBoolean presentTampered = new AtomicBoolean();
    private final ArmedFailures armed = new ArmedFailures();
    private final ScheduledThreadPoolExecutor timer;
    private final Map<Long, ChatConnection> live = new ConcurrentHashMap<>();
    private final Map<String, ChatConnection> connectionsByRef = new ConcurrentHashMap<>();
    private final Map<String, ChatConnection> pairingCodeRequests = new ConcurrentHashMap<>();

    public ChatServer(SandboxConfig config, PhoneRegistry phones, ConnectionHistory history, Clock clock,
                      CertificateAuthority authority) {
        this.config = config;
        this.phones = phones;
        this.history = history;
        this.clock = clock;
        Instant now = clock.instant();
        CertChain chain = authority.issueChain(serverStaticKey.publicKey(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)));
        this.validChain = chain.toByteArray();
        this.tamperedChain = tamper(chain).toByteArray();
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Outcome of a fault request: armed for a later login, or applied to this many live connections. */
    public record Injection(boolean armed, int connections) {
    }

    /** The reactor-netty WebSocket handler for {@code /ws/chat}. */
    public Publisher<Void> handle(WebsocketInbound inbound, WebsocketOutbound outbound) {
        ChatConnection connection = new ChatConnection(this, inbound, outbound);
        return connection.run();
    }

    public CompletableFuture<PairingResult> scan(Phone phone, QrString qr, Tamper tamper) {
        ChatConnection connection = connectionsByRef.get(qr.ref());
        if (connection == null) {
            return CompletableFuture.completedFuture(PairingResult.failed(410, "QR ref unknown or expired", 0));
        }
        return connection.scanned(phone, qr, tamper);
    }

    public CompletableFuture<PairingResult> enterPairingCode(Phone phone, String code) {
        ChatConnection connection = pairingCodeRequests.get(phone.number());
        if (connection == null) {
            return CompletableFuture.completedFuture(PairingResult.failed(404,
                    "no companion asked for a pairing code for " + phone.number(), 0));
        }
        return connection.codeEntered(phone, code);
    }

    /** Applies or arms a fault. */
    public Injection inject(Fault fault) {
        if (fault.type().kind() == FaultType.Kind.LOGIN_FAILURE && fault.target().connectionId() == null) {
            armed.arm(fault);
            return new Injection(true, 0);
        }
        int hit = 0;
        for (ChatConnection connection : live.values()) {
            if (fault.target().matches(connection.id(), connection.deviceJid())) {
                connection.apply(fault);
                hit++;
            }
        }
        if (fault.type() == FaultType.DEVICE_REMOVED) {
            unlinkMatching(fault);
        }
        return new Injection(false, hit);
    }

    /** Unlinks a device as the phone's "log out device" would: the live connection gets device_removed. */
    public boolean unlink(Phone phone, int deviceId) {
        Optional<RegisteredDevice> removed = phone.remove(deviceId);
        removed.ifPresent(device -> live.values().stream()
                .filter(connection -> device.jid().equals(connection.deviceJid()))
                .forEach(connection -> connection.apply(new Fault(FaultType.DEVICE_REMOVED,
                        io.wagate.sandbox.fault.FaultTarget.device(device.jid()), Duration.ZERO))));
        return removed.isPresent();
    }

    /** Sends companion_reg_refresh to a connection showing QR codes. */
    public boolean refreshQr(long connectionId) {
        ChatConnection connection = live.get(connectionId);
        return connection != null && connection.refreshQr();
    }

    public void presentTamperedCertificate(boolean tampered) {
        presentTampered.set(tampered);
    }

    public List<Fault> armedFailures() {
        return armed.pending();
    }

    public List<Long> liveConnectionIds() {
        return live.keySet().stream().sorted().toList();
    }

    @Override
    public void close() {
        live.values().forEach(connection -> connection.drop("sandbox shutting down"));
        timer.shutdownNow();
    }

    // ---- for connections ----

    SandboxConfig config() {
        return config;
    }

    PhoneRegistry phones() {
        return phones;
    }

    ConnectionHistory history() {
        return history;
    }

    Clock clock() {
        return clock;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    KeyPair serverStaticKey() {
        return serverStaticKey;
    }

    byte[] certificateChain() {
        return presentTampered.get() ? tamperedChain : validChain;
    }

    Optional<Fault> takeArmedFailure(long connectionId, String jid) {
        return armed.take(connectionId, jid);
    }

    void opened(ChatConnection connection) {
        live.put(connection.id(), connection);
    }

    void closed(ChatConnection connection) {
        live.remove(connection.id());
        connectionsByRef.values().removeIf(c -> c == connection);
        pairingCodeRequests.values().removeIf(c -> c == connection);
    }

    void showingRef(ChatConnection connection, String ref, @org.jspecify.annotations.Nullable String previous) {
        if (previous != null) {
            connectionsByRef.remove(previous, connection);
        }
        connectionsByRef.put(ref, connection);
    }

    void refsEnded(ChatConnection connection) {
        connectionsByRef.values().removeIf(c -> c == connection);
    }

    void pairingCodeRequested(String number, ChatConnection connection) {
        pairingCodeRequests.put(number, connection);
    }

    /** Other live connections logged in as the same device: the real server replaces them. */
    List<ChatConnection> liveConnectionsOf(String deviceJid, ChatConnection except) {
        return live.values().stream().filter(c -> c != except && deviceJid.equals(c.deviceJid())).toList();
    }

    private void unlinkMatching(Fault fault) {
        String jid = fault.target().deviceJid();
        if (jid == null) {
            return;
        }
        int at = jid.indexOf('@');
        int colon = jid.indexOf(':');
        if (colon > 0 && colon < at) {
            String number = jid.substring(0, colon);
            int device = Integer.parseInt(jid.substring(colon + 1, at));
            phones.find(number).ifPresent(phone -> phone.remove(device));
        }
    }

    /** Same chain with one flipped bit in the leaf signature: decrypts fine, must fail verification. */
    private static CertChain tamper(CertChain chain) {
        byte[] signature = chain.getLeaf().getSignature().toByteArray();
        signature[10] ^= 0x01;
        return chain.toBuilder()
                .setLeaf(chain.getLeaf().toBuilder().setSignature(ByteString.copyFrom(signature)))
                .build();
    }
}
