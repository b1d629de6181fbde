package io.wagate.session.managed;

import io.wagate.contracts.session.ConnectionLogged;
import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.LogLevel;
import io.wagate.contracts.session.PairingCodeIssued;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionEvent;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import io.wagate.engine.client.WhatsAppClient;
import io.wagate.engine.store.CredentialStore;
import io.wagate.session.events.SessionIdentity;
import io.wagate.session.lease.Lease;
import io.wagate.session.lease.LeaseProperties;
import io.wagate.session.lease.SessionLeases;
import io.wagate.session.state.DesiredState;
import io.wagate.session.state.SessionRows;
import io.wagate.session.status.AfterDisconnect;
import io.wagate.session.status.DisconnectRules;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One instance's live session: one engine client, its status machine and its reconnects. Every command, engine
 * event and timer runs on this session's own virtual thread, one at a time (an actor): the state below is touched
 * by that thread only, blocking calls (credential store, sequence updates, publishing, lease calls) are allowed
 * there, and the instance's events leave in the order their sequences were taken.
 *
 * <p>A connection is opened only while the session holds the instance's lease ({@link SessionLeases}); the lease is
 * renewed while the session is connected or waiting to reconnect, and released when it stays down. Losing it closes
 * the connection at once. The session's writes carry the lease's token, so once another worker took the lease they
 * change nothing.
 */
public final class ManagedSession {

    private static final Logger log = LoggerFactory.getLogger(ManagedSession.class);

    /** Why we closed the connection ourselves, decided when the engine reports that it ended. */
    private enum Intent { NONE, STOP, RESTART, RESET, LOGOUT, SHUTDOWN, LEASE_LOST }

    private final SessionIdentity identity;
    private final Engine engine;
    private final CredentialStore store;
    private final SessionContext context;
    private final Runnable onForgotten;
    private final ExecutorService actor;
    private final CompletableFuture<Void> shutDown = new CompletableFuture<>();

    private volatile SessionStatus status;
    private @Nullable WhatsAppClient client;
    private long generation;
    private boolean live;
    private boolean wanted;
    private Intent intent = Intent.NONE;
    private boolean forgetAfterLogout;
    private int attempt;
    private @Nullable ScheduledFuture<?> retry;
    private @Nullable String pairingPhone;
    private @Nullable Lease lease;
    /** The token of the last lease held; writes carry it. Unfenced until the first lease. Read by store threads. */
    private volatile long fence = SessionRows.UNFENCED;
    private @Nullable ScheduledFuture<?> renewal;
    private @Nullable Instant waitingForLeaseSince;
    private int leaseAttempts;
    private @Nullable CompletableFuture<Void> settling;

    ManagedSession(SessionIdentity identity, Engine engine, SessionStatus status,
            Function<LongSupplier, CredentialStore> fencedStore, SessionContext context, Runnable onForgotten) {
        this.identity = identity;
        this.engine = engine;
        this.status = status;
        this.store = fencedStore.apply(() -> fence);
        this.context = context;
        this.onForgotten = onForgotten;
        this.actor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("session-" + identity.instanceId())
                .factory());
    }

    public SessionStatus status() {
        return status;
    }

    public void connect() {
        run(() -> {
            wanted = true;
            if (live) {
                return;
            }
            attempt = 0;
            open();
        });
    }

    /**
     * Connects like {@link #connect()}; the result completes when the attempt settled: connected, showing a code,
     * ended, or waiting for a lease another worker holds.
     */
    public CompletableFuture<Void> connectAndSettle() {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        run(() -> {
            settling = settled;
            wanted = true;
            if (live || retry != null) {
                // Already connecting, connected or waiting to retry: nothing new starts.
                settle();
                return;
            }
            attempt = 0;
            open();
        });
        return settled;
    }

    public void disconnect() {
        run(() -> {
            wanted = false;
            cancelRetry();
            if (live) {
                closeFor(Intent.STOP);
            } else {
                if (status != SessionStatus.DISCONNECTED) {
                    transition(SessionStatus.DISCONNECTED, SessionReason.REQUESTED, 0, "disconnect requested");
                }
                releaseLease();
            }
        });
    }

    public void restart() {
        run(() -> {
            wanted = true;
            attempt = 0;
            if (live) {
                closeFor(Intent.RESTART);
            } else {
                open();
            }
        });
    }

    public void reset() {
        run(() -> {
            wanted = true;
            attempt = 0;
            if (live) {
                closeFor(Intent.RESET);
            } else {
                store.delete();
                open();
            }
        });
    }

    public void logout(boolean forget) {
        run(() -> {
            wanted = false;
            cancelRetry();
            forgetAfterLogout = forget;
            if (live) {
                intent = Intent.LOGOUT;
                client().logout().whenComplete((ignored, error) -> {
                    if (error != null) {
                        run(() -> logLine(LogLevel.WARN, "Logout could not reach the server: " + error.getMessage()));
                    }
                });
            } else {
                store.delete();
                finishLogout();
            }
        });
    }

    public void requestPairingCode(String phoneNumber) {
        run(() -> {
            if (status == SessionStatus.CONNECTED) {
                logLine(LogLevel.WARN, "Pairing code not requested: the session is already linked");
                return;
            }
            wanted = true;
            pairingPhone = phoneNumber;
            if (!live) {
                attempt = 0;
                open();
                if (!live) {
                    log.info("Session {}: pairing code not requested: waiting for the lease", identity.instanceId());
                    return;
                }
            }
            client().requestPairingCode(phoneNumber).whenComplete((code, error) -> {
                if (error != null) {
                    run(() -> logLine(LogLevel.WARN, "Pairing code request failed: " + error.getMessage()));
                }
            });
        });
    }

    /** Closes the connection for a worker shutdown; completes once it ended and the status was published. */
    public CompletableFuture<Void> shutdown() {
        run(() -> {
            cancelRetry();
            if (live) {
                closeFor(Intent.SHUTDOWN);
            } else {
                releaseLease();
                settle();
                shutDown.complete(null);
            }
        });
        return shutDown.whenComplete((ignored, error) -> actor.shutdown());
    }

    private void run(Runnable task) {
        try {
            actor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Session {} failed to handle a step", identity.instanceId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Session {} is shut down; dropping a late step", identity.instanceId());
        }
    }

    private WhatsAppClient client() {
        WhatsAppClient current = client;
        if (current == null) {
            current = new WhatsAppClient(context.engines().forEngine(engine), store);
            client = current;
        }
        return current;
    }

    private void open() {
        cancelRetry();
        if (!holdLease()) {
            return;
        }
        long connection = ++generation;
        Flow.Publisher<ClientEvent> events;
        try {
            events = client().connect();
        } catch (RuntimeException e) {
            // The engine could not even start (sandbox unreachable, store unavailable): retry like a network error.
            ended(new ClientEvent.Disconnected(DisconnectReason.NETWORK, 0, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage(), false));
            return;
        }
        live = true;
        events.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ClientEvent event) {
                // The engine delivers on its socket threads and asks subscribers not to block: hand over.
                run(() -> onEngineEvent(connection, event));
            }

            @Override
            public void onError(Throwable error) {
                run(() -> onEngineEvent(connection, new ClientEvent.Disconnected(DisconnectReason.UNKNOWN, 0,
                        String.valueOf(error.getMessage()), false)));
            }

            @Override
            public void onComplete() {
                // Disconnected, the last event, already arrived.
            }
        });
    }

    private void onEngineEvent(long connection, ClientEvent event) {
        if (connection != generation) {
            return;
        }
        switch (event) {
            case ClientEvent.QrCode qr -> {
                settle();
                enterPairing();
                // Cached first: whoever reacts to the event can fetch the code at once.
                await(context.qrCache().put(identity.instanceId(), qr.qr(), qr.index() + 1, qr.expiresAt()));
                emit(sequence -> new QrCodeUpdated(sequence, qr.qr(), qr.index() + 1, qr.expiresAt()));
            }
            case ClientEvent.PairingCode code -> {
                settle();
                enterPairing();
                String phone = pairingPhone == null ? "" : pairingPhone;
                emit(sequence -> new PairingCodeIssued(sequence, code.code(), phone, code.expiresAt()));
            }
            case ClientEvent.Paired paired -> logLine(LogLevel.INFO, "Linked as " + paired.jid());
            case ClientEvent.Connected connected -> {
                settle();
                attempt = 0;
                pairingPhone = null;
                await(context.qrCache().clear(identity.instanceId()));
                transition(SessionStatus.CONNECTED, SessionReason.LOGGED_IN, 0, null);
                emit(sequence -> new ProfileUpdated(sequence, connected.phoneNumber(), connected.jid(),
                        connected.lid(), connected.pushName(), connected.platform()));
            }
            case ClientEvent.PreKeysUploaded uploaded ->
                    logLine(LogLevel.DEBUG, "Uploaded " + uploaded.count() + " prekeys");
            case ClientEvent.Disconnected disconnected -> {
                live = false;
                ended(disconnected);
                settle();
            }
        }
    }

    private void enterPairing() {
        if (status != SessionStatus.QR_REQUIRED) {
            transition(SessionStatus.QR_REQUIRED, SessionReason.PAIRING, 0, "waiting for the phone");
        }
    }

    private void ended(ClientEvent.Disconnected disconnected) {
        await(context.qrCache().clear(identity.instanceId()));
        logLine(LogLevel.INFO, "Connection ended: " + disconnected.reason().code()
                + (disconnected.code() == 0 ? "" : " (" + disconnected.code() + ")"));
        Intent reason = intent;
        intent = Intent.NONE;
        switch (reason) {
            case STOP -> {
                transition(SessionStatus.DISCONNECTED, SessionReason.REQUESTED, 0, "disconnect requested");
                releaseLease();
            }
            case RESTART -> {
                transition(SessionStatus.RECONNECTING, SessionReason.REQUESTED, 0, "restart requested");
                open();
            }
            case RESET -> {
                store.delete();
                open();
            }
            case LOGOUT -> finishLogout();
            case SHUTDOWN -> {
                // Published before the lease is released: the next owner's events follow ours.
                transition(SessionStatus.DISCONNECTED, SessionReason.WORKER_SHUTDOWN, 0, "worker shutting down");
                releaseLease();
                shutDown.complete(null);
            }
            case LEASE_LOST -> {
                // Refused by the fence when the next holder has written already; published otherwise.
                transition(SessionStatus.DISCONNECTED, SessionReason.WORKER_SHUTDOWN, 0,
                        "another worker holds the session now");
                if (wanted) {
                    // The lease may come back (a Redis hiccup); if another worker keeps it, waiting ends in time.
                    waitForLease();
                }
            }
            case NONE -> apply(DisconnectRules.after(disconnected.reason()), disconnected);
        }
    }

    private void apply(AfterDisconnect rule, ClientEvent.Disconnected disconnected) {
        String detail = disconnected.reason().code() + (disconnected.detail().isBlank() ? "" : ": "
                + disconnected.detail());
        switch (rule.action()) {
            case RECONNECT_NOW -> {
                transition(SessionStatus.RECONNECTING, rule.reason(), 0, detail);
                open();
            }
            case RECONNECT_WITH_BACKOFF -> scheduleReconnect(rule.reason(), detail);
            case STAY_DOWN -> {
                if (rule.deleteCredentials() && !disconnected.credentialsRemoved()) {
                    store.delete();
                }
                wanted = false;
                if (rule.status() == SessionStatus.DISCONNECTED) {
                    // Stays down until the next connect command, also across workers.
                    await(context.rows().desire(identity.instanceId(), DesiredState.DISCONNECTED, fence));
                }
                transition(rule.status(), rule.reason(), 0, detail);
                releaseLease();
            }
        }
    }

    private void scheduleReconnect(SessionReason reason, String detail) {
        attempt++;
        OptionalLong delay = context.backoff().delayMillis(attempt);
        if (delay.isEmpty()) {
            transition(SessionStatus.ERROR, SessionReason.ATTEMPTS_EXHAUSTED, attempt - 1, detail);
            releaseLease();
            return;
        }
        transition(SessionStatus.RECONNECTING, reason, attempt, detail);
        retry = context.timer().schedule(() -> run(() -> {
            retry = null;
            if (wanted && !live) {
                open();
            }
        }), delay.getAsLong(), TimeUnit.MILLISECONDS);
    }

    private void finishLogout() {
        transition(SessionStatus.DISCONNECTED, SessionReason.LOGGED_OUT, 0, "logout requested");
        releaseLease();
        if (forgetAfterLogout) {
            await(context.rows().delete(identity.instanceId()));
            onForgotten.run();
            shutDown.complete(null);
        }
    }

    /**
     * True when this session holds the instance's lease, acquiring it if needed. Otherwise another worker holds it
     * (or Redis did not answer): a retry is scheduled, with growing pauses, until {@code acquire-timeout} has passed.
     */
    private boolean holdLease() {
        if (lease != null) {
            return true;
        }
        SessionLeases leases = context.leases();
        UUID id = identity.instanceId();
        Lease acquired = null;
        try {
            Long floor = context.rows().fence(id).block(context.ioTimeout());
            acquired = leases.acquire(id, floor == null ? 0 : floor).block(context.ioTimeout());
            if (acquired != null && !Boolean.TRUE.equals(context.rows().raiseFence(id, acquired.token())
                    .block(context.ioTimeout()))) {
                log.warn("Session {}: lease token {} is not newer than the stored fence; not connecting", id,
                        acquired.token());
                leases.release(acquired).block(context.ioTimeout());
                acquired = null;
            }
        } catch (RuntimeException e) {
            log.warn("Session {}: acquiring the lease failed: {}", id, e.toString());
        }
        if (acquired == null) {
            waitForLease();
            return false;
        }
        lease = acquired;
        fence = acquired.token();
        waitingForLeaseSince = null;
        leaseAttempts = 0;
        long every = leases.properties().renewInterval().toMillis();
        renewal = context.timer().scheduleAtFixedRate(() -> run(this::renewLease), every, every,
                TimeUnit.MILLISECONDS);
        return true;
    }

    private void waitForLease() {
        settle();
        LeaseProperties timing = context.leases().properties();
        Instant now = Instant.now();
        if (waitingForLeaseSince == null) {
            waitingForLeaseSince = now;
        } else if (Duration.between(waitingForLeaseSince, now).compareTo(timing.acquireTimeout()) > 0) {
            log.warn("Session {}: the lease stayed with another worker for {}; not connecting until the next "
                    + "command or assignment", identity.instanceId(), timing.acquireTimeout());
            waitingForLeaseSince = null;
            leaseAttempts = 0;
            return;
        }
        long delay = Math.min(timing.acquireRetryDelay().toMillis() << Math.min(leaseAttempts, 16),
                timing.ttl().toMillis());
        leaseAttempts++;
        retry = context.timer().schedule(() -> run(() -> {
            retry = null;
            if (wanted && !live) {
                open();
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    private void renewLease() {
        Lease current = lease;
        if (current == null) {
            return;
        }
        boolean kept;
        try {
            kept = Boolean.TRUE.equals(context.leases().renew(current).block(context.ioTimeout()));
        } catch (RuntimeException e) {
            log.warn("Session {}: renewing the lease failed: {}", identity.instanceId(), e.toString());
            kept = false;
        }
        if (!kept) {
            leaseLost();
        }
    }

    /** Without the lease this worker must not hold the connection a moment longer; credentials stay as they are. */
    private void leaseLost() {
        log.warn("Session {}: lost its lease; closing the connection", identity.instanceId());
        stopRenewal();
        lease = null;
        cancelRetry();
        if (live) {
            closeFor(Intent.LEASE_LOST);
        } else if (wanted) {
            waitForLease();
        }
    }

    private void releaseLease() {
        stopRenewal();
        Lease held = lease;
        lease = null;
        if (held != null) {
            await(context.leases().release(held));
        }
    }

    private void stopRenewal() {
        ScheduledFuture<?> pending = renewal;
        if (pending != null) {
            pending.cancel(false);
            renewal = null;
        }
    }

    private void settle() {
        CompletableFuture<Void> pending = settling;
        if (pending != null) {
            settling = null;
            pending.complete(null);
        }
    }

    private void closeFor(Intent reason) {
        intent = reason;
        client().close();
    }

    private void cancelRetry() {
        ScheduledFuture<?> pending = retry;
        if (pending != null) {
            pending.cancel(false);
            retry = null;
        }
    }

    private void transition(SessionStatus next, SessionReason reason, int attemptNumber, @Nullable String detail) {
        SessionStatus previous = status;
        status = next;
        await(context.events().status(identity, next, previous, reason, attemptNumber, detail, fence));
    }

    private void emit(LongFunction<SessionEvent> build) {
        await(context.events().event(identity, build, fence));
    }

    private void logLine(LogLevel level, String message) {
        emit(sequence -> new ConnectionLogged(sequence, level, message, Instant.now()));
    }

    /**
     * Blocks this session's virtual thread on a database, Redis or Kafka step. A failed step is logged and skipped:
     * one lost event must not stop the session's connection handling.
     */
    private void await(Publisher<?> step) {
        try {
            Mono.from(step).block(context.ioTimeout());
        } catch (RuntimeException e) {
            log.warn("Session {}: a persistence or publishing step failed: {}", identity.instanceId(), e.toString());
        }
    }
}
