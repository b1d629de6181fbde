package io.wagate.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.GatewayFilterOrder;
import io.wagate.gateway.GatewayProblems;
import io.wagate.gateway.RequestEventLoop;
import io.wagate.gateway.TwoTagCounter;
import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.authentication.CallerAhead;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.ratelimit.RateLimitProperties.OnRedisFailure;
import io.wagate.gateway.ratelimit.internal.LimitRequest;
import io.wagate.gateway.ratelimit.internal.LocalTokenBuckets;
import io.wagate.gateway.ratelimit.internal.RateLimitKeyResolver;
import io.wagate.gateway.ratelimit.internal.RedisTokenBuckets;
import io.wagate.gateway.ratelimit.internal.TokenLeases;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limits to every routed request, after authentication: per tenant by its plan and per API key or
 * user for authenticated requests, per client address for anonymous ones. Every answer carries the
 * {@code RateLimit-*} headers; a refused request answers 429 problem+json with {@code Retry-After}. When Redis cannot
 * be asked, the route class's policy decides (docs/gateway.md explains the choice). A busy caller of the API is
 * served from tokens leased ahead ({@link TokenLeases}) instead of asking Redis every time.
 */
public class RateLimitGlobalFilter implements GlobalFilter, Ordered, CallerAhead {

    private static final Logger log = LoggerFactory.getLogger(RateLimitGlobalFilter.class);

    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - 60_000_000_000L);
    private final RedisTokenBuckets redis;
    private final LocalTokenBuckets local;
    private final TokenLeases leases;
    private final RateLimitKeyResolver keys;
    private final RateLimitProperties properties;
    private final PlanProperties plans;
    private final TwoTagCounter decisions;
    private final Counter prefetches;

    public RateLimitGlobalFilter(RedisTokenBuckets redis, LocalTokenBuckets local, TokenLeases leases,
            RateLimitKeyResolver keys, RateLimitProperties properties, PlanProperties plans, MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.leases = leases;
        this.keys = keys;
        this.properties = properties;
        this.plans = plans;
        this.decisions = new TwoTagCounter(meters, "wagate.gateway.ratelimit", "route_class", "decision");
        this.prefetches = Counter.builder("wagate.gateway.ratelimit.lease.prefetches")
                .description("Lease refills started alongside an API key's lookup").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Caller caller = Caller.of(exchange);
        if (!properties.enabled()) {
            if (caller != null) {
                plans.defaults().attachTo(exchange);
            }
            return chain.filter(exchange);
        }
        RouteClass routeClass = caller == null ? RouteClass.PUBLIC : RouteClass.API;
        LimitRequest request = new LimitRequest(routeClass, caller == null ? null : caller.tenantId(),
                keys.keyOf(exchange));
        if (routeClass == RouteClass.PUBLIC) {
            return RequestEventLoop.resumeHere(ask(request, 1))
                    .flatMap(checked -> apply(exchange, chain, routeClass, checked));
        }
        RateLimitDecision leased = leases.take(request);
        if (leased != null) {
            TokenLeases.Fetch ahead = leases.refillAhead(request);
            if (ahead != null) {
                refillInBackground(request, ahead);
            }
            return apply(exchange, chain, routeClass, new Checked(leased, "allowed"));
        }
        return switch (leases.refill(request)) {
            // Ended before the request goes on, still on the Redis client's thread (the caller's requests waiting
            // for it go on from there, each on its own event loop), and also if it is cancelled.
            case TokenLeases.Fetch fetch -> RequestEventLoop.resumeHere(ask(request, fetch.size())
                            .doOnNext(checked -> fetch.done().run())
                            .doFinally(signal -> fetch.done().run()))
                    .flatMap(checked -> apply(exchange, chain, routeClass, checked));
            // The refill ends by its own Redis deadline; this only bounds the wait should it never start.
            case TokenLeases.Await await -> RequestEventLoop.resumeHere(RequestEventLoop.timeoutHere(
                            Mono.fromFuture(await.answered(), true), properties.redisTimeout())
                            .onErrorComplete())
                    .then(Mono.defer(() -> {
                        RateLimitDecision fromRefill = leases.take(request);
                        return fromRefill != null ? Mono.just(new Checked(fromRefill, "allowed"))
                                : RequestEventLoop.resumeHere(ask(request, 1));
                    }))
                    .flatMap(checked -> apply(exchange, chain, routeClass, checked));
        };
    }

    /**
     * Refills the lease of an API key's caller while the key is looked up again (this replica's memory of it ran
     * out, typically after a pause), so that the request finds its tokens there or waits for the refill under way:
     * one Redis round trip before the request goes on instead of two in a row. The key may turn out revoked; its
     * lease's tokens then expire unused, at most one lease's worth.
     */
    @Override
    public void expect(Caller caller) {
        if (!properties.enabled()) {
            return;
        }
        LimitRequest request = new LimitRequest(RouteClass.API, caller.tenantId(), keys.keyOf(caller));
        TokenLeases.Fetch fetch = leases.prefetch(request);
        if (fetch != null) {
            prefetches.increment();
            refillInBackground(request, fetch);
        }
    }

    /**
     * The caller's next lease while its requests spend what is left of this one. Not tied to the request that
     * started it; ends by the Redis deadline, and a failure only lets the lease run out (the requests after it then
     * meet the route class's policy for Redis failures themselves).
     */
    private void refillInBackground(LimitRequest request, TokenLeases.Fetch ahead) {
        RequestEventLoop.timeoutHere(redis.check(request, ahead.size()), properties.redisTimeout())
                .doFinally(signal -> ahead.done().run())
                .subscribe(grant -> leases.grantedAhead(request, grant.decision(), grant.granted()),
                        error -> log.debug("Refilling a lease ahead failed: {}", error.toString()));
    }

    /** {@code size} tokens from the caller's Redis buckets, or the route class's policy when Redis cannot answer. */
    private Mono<Checked> ask(LimitRequest request, long size) {
        return RequestEventLoop.timeoutHere(redis.check(request, size), properties.redisTimeout())
                .map(grant -> {
                    RateLimitDecision decision = request.routeClass() == RouteClass.API
                            ? leases.granted(request, grant.decision(), grant.granted()) : grant.decision();
                    return new Checked(decision, decision.allowed() ? "allowed" : "limited");
                })
                .onErrorResume(error -> onRedisFailure(request, error));
    }

    private Mono<Checked> onRedisFailure(LimitRequest request, Throwable error) {
        OnRedisFailure policy = request.routeClass() == RouteClass.PUBLIC ? properties.publicOnRedisFailure()
                : properties.apiOnRedisFailure();
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        // One line per 10 s: during an outage every request fails the same way, and the metric counts them all.
        if (now - last > 10_000_000_000L && lastFailureLog.compareAndSet(last, now)) {
            log.warn("Rate limit check in Redis failed ({}), applying {} to {} requests", error.toString(), policy,
                    request.routeClass().tag());
        }
        return switch (policy) {
            case FAIL_CLOSED -> Mono.just(new Checked(null, "unavailable_rejected"));
            case FAIL_OPEN -> Mono.just(new Checked(null, "unavailable_allowed"));
            case LOCAL_FALLBACK -> {
                RateLimitDecision decision = local.check(request);
                yield Mono.just(new Checked(decision, decision.allowed() ? "fallback_allowed" : "fallback_limited"));
            }
        };
    }

    private Mono<Void> apply(ServerWebExchange exchange, GatewayFilterChain chain, RouteClass routeClass,
            Checked checked) {
        decisions.increment(routeClass.tag(), checked.outcome());
        RateLimitDecision decision = checked.decision();
        if (decision == null) {
            if (checked.outcome().equals("unavailable_rejected")) {
                return Mono.error(GatewayProblems.serviceUnavailable(
                        "Rate limits cannot be checked right now; try again shortly", Duration.ofSeconds(5)));
            }
            if (Caller.of(exchange) != null) {
                plans.defaults().attachTo(exchange);
            }
            return chain.filter(exchange);
        }
        if (decision.plan() != null) {
            decision.plan().attachTo(exchange);
        }
        decision.writeTo(exchange.getResponse().getHeaders());
        if (!decision.allowed()) {
            HttpHeaders headers = new HttpHeaders();
            decision.writeTo(headers);
            return Mono.error(GatewayProblems.rateLimited("Rate limit of " + decision.limit()
                    + " requests per minute exceeded; retry in " + Math.max(1, decision.retryAfterSeconds()) + " s",
                    headers));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.RATE_LIMIT;
    }

    private record Checked(@org.jspecify.annotations.Nullable RateLimitDecision decision, String outcome) {
    }
}
