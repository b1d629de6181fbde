package io.wagate.gateway.routing.internal;

import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * One connection pool per event loop for the calls to the services.
 *
 * <p>A request arrives on one of the gateway's event loops. From one shared pool it usually got a connection that
 * lives on another loop, so Netty handed the call over to that loop's thread and the answer back again: two thread
 * wake-ups per call, and on a busy machine two more waits for a CPU. Here a call takes its connection from the pool of
 * the loop it runs on, and a new connection opened from that loop lives on it (Reactor Netty's client loops are
 * colocated), so the whole call stays on one thread. Calls made from other threads share one more pool.
 */
public final class EventLoopAffineConnectionProvider implements ConnectionProvider {

    private final Supplier<ConnectionProvider> newPool;
    private final Map<EventExecutor, ConnectionProvider> byLoop = new ConcurrentHashMap<>();
    private final ConnectionProvider otherThreads;

    /** @param newPool makes one pool, configured like the single pool it replaces */
    public EventLoopAffineConnectionProvider(Supplier<ConnectionProvider> newPool) {
        this.newPool = newPool;
        this.otherThreads = newPool.get();
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver connectionObserver,
            @Nullable Supplier<? extends SocketAddress> remoteAddress,
            @Nullable AddressResolverGroup<?> resolverGroup) {
        return poolOfThisThread().acquire(config, connectionObserver, remoteAddress, resolverGroup);
    }

    private ConnectionProvider poolOfThisThread() {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop == null) {
            return otherThreads;
        }
        ConnectionProvider pool = byLoop.get(loop);
        return pool != null ? pool : byLoop.computeIfAbsent(loop, any -> newPool.get());
    }

    private List<ConnectionProvider> pools() {
        List<ConnectionProvider> pools = new ArrayList<>(byLoop.values());
        pools.add(otherThreads);
        return pools;
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        pools().forEach(pool -> pool.disposeWhen(address));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.whenDelayError(pools().stream().map(ConnectionProvider::disposeLater).toList());
    }

    @Override
    public boolean isDisposed() {
        return otherThreads.isDisposed();
    }

    /** Per pool, that is per event loop. */
    @Override
    public int maxConnections() {
        return otherThreads.maxConnections();
    }

    @Override
    public String name() {
        return otherThreads.name();
    }
}
