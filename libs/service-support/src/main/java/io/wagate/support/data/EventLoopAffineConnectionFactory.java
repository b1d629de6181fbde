package io.wagate.support.data;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * One PostgreSQL connection pool per event loop of the HTTP server, each pool's connections living on its loop.
 *
 * <p>With one shared pool, R2DBC's connections ran on event loops of their own: a request arriving on an HTTP loop
 * handed its query to a connection's loop and the rows came back the same way, two thread wake-ups per query on top
 * of the request's own (instance-service spent about as much CPU on those loops as on its HTTP loops). Here a query
 * made on an HTTP loop takes a connection of that loop's pool, so the query is written, its rows read and the answer
 * sent on one thread. Work on other threads (Kafka listeners, the outbox relay, scheduled jobs) shares one more
 * pool whose connections are spread over the same loops.
 *
 * <p>The wait for a connection is bounded here rather than by the pool, on the loop's own timer: the pool's bound
 * is a task on Reactor's parallel scheduler for every query, which wakes one of its threads.
 */
public final class EventLoopAffineConnectionFactory implements ConnectionFactory, Closeable, Disposable {

    private final Function<LoopResources, ConnectionPool> newPool;
    private final LoopResources loops;
    private final EventLoopGroup serverLoops;
    private final Duration maxAcquireTime;
    private final Map<EventExecutor, ConnectionPool> byLoop = new ConcurrentHashMap<>();
    private final ConnectionPool otherThreads;

    /**
     * @param newPool makes one pool whose connections run on the given loops
     * @param loops the HTTP server's loop resources (Reactor Netty's global ones in a service)
     * @param maxAcquireTime how long a query may wait for a connection; zero or negative: no bound
     */
    public EventLoopAffineConnectionFactory(Function<LoopResources, ConnectionPool> newPool, LoopResources loops,
            Duration maxAcquireTime) {
        this.newPool = newPool;
        this.loops = loops;
        this.serverLoops = loops.onServer(true);
        this.maxAcquireTime = maxAcquireTime;
        this.otherThreads = newPool.apply(loops);
    }

    @Override
    public Mono<Connection> create() {
        EventExecutor current = ThreadExecutorMap.currentExecutor();
        if (current instanceof EventLoop loop && loop.parent() == serverLoops) {
            ConnectionPool pool = byLoop.get(loop);
            if (pool == null) {
                pool = byLoop.computeIfAbsent(loop, any -> newPool.apply(new SingleLoop(loop, loops)));
            }
            return bounded(pool.create(), loop);
        }
        return bounded(otherThreads.create(), null);
    }

    private Mono<Connection> bounded(Mono<Connection> acquire, @Nullable EventLoop loop) {
        if (maxAcquireTime.isZero() || maxAcquireTime.isNegative()) {
            return acquire;
        }
        return new BoundedAcquire(acquire, loop != null ? loop : serverLoops.next(), maxAcquireTime);
    }

    /** Every pool: one per event loop that made a query so far, and the one for other threads. */
    public List<ConnectionPool> pools() {
        List<ConnectionPool> all = new ArrayList<>(byLoop.values());
        all.add(otherThreads);
        return all;
    }

    /** A pool figure summed over the pools, for the meters. */
    public int sum(ToIntFunction<PoolMetrics> figure) {
        int total = 0;
        for (ConnectionPool pool : pools()) {
            total += pool.getMetrics().map(figure::applyAsInt).orElse(0);
        }
        return total;
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return otherThreads.getMetadata();
    }

    @Override
    public Mono<Void> close() {
        return Mono.whenDelayError(pools().stream().map(ConnectionPool::close).toList());
    }

    @Override
    public void dispose() {
        close().block(Duration.ofSeconds(10));
    }

    @Override
    public boolean isDisposed() {
        return otherThreads.isDisposed();
    }

    /** Loop resources of one event loop, for a pool whose connections must all live on it. Not owned: never disposed. */
    private record SingleLoop(EventLoop loop, LoopResources shared) implements LoopResources {

        @Override
        public EventLoopGroup onServer(boolean useNative) {
            return loop;
        }

        @Override
        public EventLoopGroup onClient(boolean useNative) {
            return loop;
        }

        @Override
        public <C extends Channel> C onChannel(Class<C> channelType, EventLoopGroup group) {
            return shared.onChannel(channelType, loop.parent());
        }

        @Override
        public <C extends Channel> Class<? extends C> onChannelClass(Class<C> channelType, EventLoopGroup group) {
            return shared.onChannelClass(channelType, loop.parent());
        }

        @Override
        public boolean daemon() {
            return shared.daemon();
        }

        @Override
        public void dispose() {
        }

        @Override
        public Mono<Void> disposeLater() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> disposeLater(Duration quietPeriod, Duration timeout) {
            return Mono.empty();
        }
    }
}
