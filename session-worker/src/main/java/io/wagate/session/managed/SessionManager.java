package io.wagate.session.managed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.session.credentials.CredentialStores;
import io.wagate.session.events.QrCache;
import io.wagate.session.events.SessionEventPublisher;
import io.wagate.session.events.SessionIdentity;
import io.wagate.session.lease.SessionLeases;
import io.wagate.session.managed.internal.EngineConfigs;
import io.wagate.session.state.SessionRow;
import io.wagate.session.state.SessionRows;
import io.wagate.session.status.Backoff;
import io.wagate.session.status.ReconnectProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The sessions this worker runs, by instance id. Stops after the Kafka listener containers (lower phase), so that no
 * command arrives while the sessions drain: each connection is closed cleanly and reports
 * DISCONNECTED(worker_shutdown) before the producer goes away.
 */
@Component
public class SessionManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);
    /** Below the listener containers' phase ({@code Integer.MAX_VALUE - 100}): stopped after them. */
    private static final int PHASE = Integer.MAX_VALUE - 200;

    private final Map<UUID, ManagedSession> sessions = new ConcurrentHashMap<>();
    private final CredentialStores stores;
    private final SessionContext context;
    private final ExecutorService socketExecutor;
    private final Duration closeTimeout;
    private volatile boolean running;

    SessionManager(CredentialStores stores, SessionEventPublisher events, QrCache qrCache, SessionRows rows,
            SessionLeases leases, EngineProperties engine, SandboxProperties sandbox, ReconnectProperties reconnect,
            MeterRegistry meters) {
        this.stores = stores;
        // WebSocket callbacks run here, and the engine writes credentials from them: virtual threads may block.
        this.socketExecutor = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("session-reconnect-timer").daemon().factory());
        this.context = new SessionContext(events, qrCache, rows, leases,
                new EngineConfigs(engine, sandbox, socketExecutor),
                new Backoff(reconnect), timer, Duration.ofSeconds(15));
        this.closeTimeout = engine.closeTimeout();
        Gauge.builder("wagate.sessions.managed", sessions, Map::size).register(meters);
        Gauge.builder("wagate.sessions.connected", sessions, all -> all.values().stream()
                .filter(session -> session.status() == SessionStatus.CONNECTED).count()).register(meters);
    }

    /** The running session of the instance, created (idle) on first use. */
    public ManagedSession session(SessionRow row) {
        return sessions.computeIfAbsent(row.instanceId(), id -> new ManagedSession(
                new SessionIdentity(id, row.tenantId(), row.instanceName()), row.engine(), row.status(),
                fence -> stores.forInstance(id, fence), context, () -> sessions.remove(id)));
    }

    /**
     * Connects an adopted session; completes once the attempt settled (connected, showing a QR code, ended, or
     * waiting for another worker's lease), which bounds how many adoptions connect at a time.
     */
    public CompletableFuture<Void> adopt(SessionRow row) {
        return session(row).connectAndSettle();
    }

    /** The status of the instance's session on this worker, if this worker runs it. */
    public Optional<SessionStatus> statusOf(UUID instanceId) {
        return Optional.ofNullable(sessions.get(instanceId)).map(ManagedSession::status);
    }

    /**
     * Closes and forgets the sessions whose instance matches, waiting at most the close timeout: on a revocation
     * the new owner must not find our connection still open.
     */
    public void release(Predicate<UUID> released) {
        List<UUID> ids = sessions.keySet().stream().filter(released).toList();
        List<CompletableFuture<Void>> closing = ids.stream().map(sessions::remove)
                .filter(Objects::nonNull).map(ManagedSession::shutdown).toList();
        awaitClosed(closing);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        awaitClosed(sessions.values().stream().map(ManagedSession::shutdown).toList());
        sessions.clear();
        context.timer().shutdownNow();
        socketExecutor.shutdownNow();
        running = false;
    }

    private void awaitClosed(List<CompletableFuture<Void>> closing) {
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} of {} sessions did not close within {}", closing.stream().filter(f -> !f.isDone()).count(),
                    closing.size(), closeTimeout);
        } catch (ExecutionException e) {
            log.warn("A session failed while closing", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
