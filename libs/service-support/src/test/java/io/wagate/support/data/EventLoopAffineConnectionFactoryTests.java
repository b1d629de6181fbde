package io.wagate.support.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.wagate.testsupport.TestDatabase;
import io.wagate.testsupport.TestInfrastructure;
import io.wagate.testsupport.WagateInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

@WagateInfrastructure
class EventLoopAffineConnectionFactoryTests {

    private static final Option<LoopResources> LOOP_RESOURCES = Option.valueOf("loopResources");
    /** Includes opening a connection: a cold first one on a busy machine took over 400 ms. */
    private static final Duration MAX_ACQUIRE_TIME = Duration.ofSeconds(2);

    private LoopResources loops;
    private EventLoopAffineConnectionFactory factory;
    private final AtomicInteger poolsMade = new AtomicInteger();

    @BeforeEach
    void start(TestInfrastructure infrastructure) {
        TestDatabase database = infrastructure.database();
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, database.username())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build();
        loops = LoopResources.create("affine-test", 2, true);
        Function<LoopResources, ConnectionPool> newPool = on -> {
            poolsMade.incrementAndGet();
            return new ConnectionPool(ConnectionPoolConfiguration.builder(
                            ConnectionFactories.get(options.mutate().option(LOOP_RESOURCES, on).build()))
                    .maxSize(2).initialSize(0).build());
        };
        factory = new EventLoopAffineConnectionFactory(newPool, loops, MAX_ACQUIRE_TIME);
    }

    @AfterEach
    void stop() {
        factory.dispose();
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
    }

    @Test
    void aQueryMadeOnAnEventLoopIsAnsweredOnThatLoop() throws Exception {
        EventLoop loop = (EventLoop) loops.onServer(true).next();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<String[]> threads = new CompletableFuture<>();
            loop.execute(() -> queryThread().subscribe(
                    answered -> threads.complete(new String[] {Thread.currentThread().getName(), answered}),
                    threads::completeExceptionally));
            String[] seen = threads.get(10, TimeUnit.SECONDS);
            assertThat(seen[0]).as("the rows arrive on").isEqualTo(threadOf(loop));
            assertThat(seen[1]).as("the query's answer is emitted on").isEqualTo(threadOf(loop));
        }
        // The loop's own pool and the one for other threads; one connection served all five queries.
        assertThat(poolsMade).hasValue(2);
        assertThat(factory.sum(PoolMetrics::allocatedSize)).isEqualTo(1);
        assertThat(factory.sum(PoolMetrics::acquiredSize)).isZero();
    }

    @Test
    void eachLoopHasAPoolOfItsOwnAndOtherThreadsShareOne() throws Exception {
        List<String> answeredOn = new ArrayList<>();
        for (var executor : loops.onServer(true)) {
            EventLoop loop = (EventLoop) executor;
            CompletableFuture<String> thread = new CompletableFuture<>();
            loop.execute(() -> queryThread().subscribe(thread::complete, thread::completeExceptionally));
            answeredOn.add(thread.get(10, TimeUnit.SECONDS));
            assertThat(answeredOn.getLast()).isEqualTo(threadOf(loop));
        }
        String fromHere = queryThread().block(Duration.ofSeconds(10));

        assertThat(answeredOn).doesNotHaveDuplicates().hasSize(2);
        assertThat(fromHere).startsWith("affine-test");
        assertThat(poolsMade).hasValue(3);
        assertThat(factory.pools()).hasSize(3);
        assertThat(factory.sum(PoolMetrics::allocatedSize)).isEqualTo(3);
    }

    @Test
    void waitingForAConnectionEndsAfterTheBoundWithATimeoutError() throws Exception {
        EventLoop loop = (EventLoop) loops.onServer(true).next();
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(onLoop(loop, () -> factory.create()).get(10, TimeUnit.SECONDS));
        }
        long started = System.nanoTime();
        CompletableFuture<Connection> third = onLoop(loop, () -> factory.create());

        assertThatThrownBy(() -> third.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(R2dbcTimeoutException.class)
                .hasMessageContaining("timed out after " + MAX_ACQUIRE_TIME.toMillis() + "ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(MAX_ACQUIRE_TIME);
        assertThat(factory.sum(PoolMetrics::pendingAcquireSize)).as("the timed-out wait left the queue").isZero();

        Mono.from(held.getFirst().close()).block(Duration.ofSeconds(5));
        Connection freed = onLoop(loop, () -> factory.create()).get(10, TimeUnit.SECONDS);
        assertThat(freed).isNotNull();
        Mono.from(freed.close()).block(Duration.ofSeconds(5));
        Mono.from(held.getLast().close()).block(Duration.ofSeconds(5));
    }

    private <T> CompletableFuture<T> onLoop(EventLoop loop, Supplier<Mono<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> work.get().subscribe(result::complete, result::completeExceptionally));
        return result;
    }

    /** Runs {@code SELECT 1} and tells on which thread the row was read. */
    private Mono<String> queryThread() {
        return Mono.usingWhen(factory.create(),
                connection -> Mono.from(connection.createStatement("SELECT 1").execute())
                        .flatMap(result -> Mono.from(result.map((row, meta) -> Thread.currentThread().getName()))),
                Connection::close);
    }

    private static String threadOf(EventLoop loop) throws Exception {
        return loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
    }
}
