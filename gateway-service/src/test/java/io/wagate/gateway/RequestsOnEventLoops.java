package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests handed to a filter on two event loops, as the server hands them over: which loop each arrived on, and on
 * which thread it went on down the chain.
 */
public final class RequestsOnEventLoops {

    private static final int LOOPS = 2;

    private final Map<MockServerWebExchange, Thread> arrivedOn = new ConcurrentHashMap<>();
    private final Map<MockServerWebExchange, Thread> forwardedOn = new ConcurrentHashMap<>();

    private RequestsOnEventLoops() {
    }

    /** Sends {@code count} requests through {@code filter}, spread over the loops, and waits for all of them. */
    public static RequestsOnEventLoops send(GlobalFilter filter, int count, Supplier<MockServerWebExchange> requests)
            throws Exception {
        RequestsOnEventLoops sent = new RequestsOnEventLoops();
        GatewayFilterChain recording = exchange -> {
            sent.forwardedOn.put((MockServerWebExchange) exchange, Thread.currentThread());
            return Mono.empty();
        };
        DefaultEventLoopGroup loops = new DefaultEventLoopGroup(LOOPS);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MockServerWebExchange exchange = requests.get();
                CompletableFuture<Void> answered = new CompletableFuture<>();
                done.add(answered);
                loops.next().execute(() -> {
                    sent.arrivedOn.put(exchange, Thread.currentThread());
                    filter.filter(exchange, recording).subscribe(null, answered::completeExceptionally,
                            () -> answered.complete(null));
                });
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        return sent;
    }

    /** The requests the filter passed on down the chain. */
    public List<MockServerWebExchange> forwarded() {
        return List.copyOf(forwardedOn.keySet());
    }

    /** Every request went on, each on the loop it arrived on, and both loops had some. */
    public void assertEachWentOnOnTheLoopItArrivedOn(int count) {
        assertThat(forwardedOn).hasSize(count);
        assertThat(arrivedOn.values().stream().distinct()).hasSize(LOOPS);
        forwardedOn.forEach((exchange, thread) -> assertThat(thread).as("went on on the loop it arrived on")
                .isSameAs(arrivedOn.get(exchange)));
    }
}
