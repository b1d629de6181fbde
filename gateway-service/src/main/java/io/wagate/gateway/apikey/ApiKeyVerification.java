package io.wagate.gateway.apikey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.RequestEventLoop;
import io.wagate.gateway.apikey.internal.IntrospectionCache;
import io.wagate.gateway.apikey.internal.IntrospectionClient;
import io.wagate.gateway.apikey.internal.RecentGrants;
import io.wagate.support.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Checks API keys: auth-service's introspection answer, reused from Redis for a short while (keyed by the key's
 * SHA-256, never the key itself), and an active answer from this replica's memory for under a second
 * ({@link RecentGrants}), renewed in the background while it is still in use. A revocation event evicts the cached
 * answer at once ({@link io.wagate.gateway.apikey.internal.ApiKeyRevokedListener}). When Redis is unavailable every
 * request is introspected: slower, but a revoked key is never accepted for longer than with the cache.
 *
 * <p>The answer in Redis is renewed ahead of need too: a read that finds it in the last quarter of its lifetime uses it
 * and has the key introspected again in the background (once per key at a time on this replica), so a busy key's
 * requests never wait for auth-service. Without that, the request that found the Redis answer expired, once a
 * minute, introspected a key while every request of the key waited for it; a code path that runs once a minute is
 * never compiled, and in the platform benchmark those waits made bursts of slow requests of up to 50 ms. The answer
 * is still never used longer than the cache lifetime after auth-service gave it.
 */
public class ApiKeyVerification {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyVerification.class);
    private static final int MAX_LENGTH = 256;
    /** One digest per thread: looking the algorithm up for every request showed in profiles. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    });

    private final RecentGrants recent;
    private final IntrospectionCache cache;
    private final IntrospectionClient client;
    private final ApiKeyProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<ApiKeyGrant>>> inFlight = new ConcurrentHashMap<>();
    /** Keys whose Redis answer is being renewed in the background. */
    private final Set<String> cacheRefreshes = ConcurrentHashMap.newKeySet();
    /** The Redis read, the introspection and storing its answer, each within its own timeout, and a margin. */
    private final Duration lookupDeadline;
    /** From this age on, a Redis answer is renewed in the background. */
    private final Duration cacheRefreshAge;

    public ApiKeyVerification(RecentGrants recent, IntrospectionCache cache, IntrospectionClient client,
            ApiKeyProperties properties, Clock clock, MeterRegistry meters) {
        this.recent = recent;
        this.cache = cache;
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.lookupDeadline = properties.introspectionTimeout().plusSeconds(1);
        this.cacheRefreshAge = properties.cacheTtl().multipliedBy(3).dividedBy(4);
    }

    /**
     * {@code wg_live_<prefix>_<secret>} or {@code wg_test_...} (prefix letters and digits; secret letters, digits,
     * {@code _} and {@code -}), at most 256 characters; anything else is not sent to auth-service at all. Checked by
     * hand rather than by a regular expression: this runs for every API request.
     */
    static boolean wellFormed(String key) {
        int length = key.length();
        if (length > MAX_LENGTH || !(key.startsWith("wg_live_") || key.startsWith("wg_test_"))) {
            return false;
        }
        int i = 8;
        while (i < length && isLetterOrDigit(key.charAt(i))) {
            i++;
        }
        if (i == 8 || i >= length - 1 || key.charAt(i) != '_') {
            return false;
        }
        for (i++; i < length; i++) {
            char c = key.charAt(i);
            if (!isLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Whether the value looks like an API key (as opposed to a JWT). */
    public static boolean looksLikeApiKey(String credential) {
        return credential.startsWith("wg_");
    }

    /**
     * What is known about a key at once, and what is not.
     *
     * @param recent the grant when this replica verified the key a moment ago ({@link RecentGrants}): the common
     *     case of a busy key, answered without a reactive pipeline
     * @param lookup otherwise: the grant of an active key, empty for an unknown, revoked, expired or malformed one,
     *     or a 503 problem when auth-service cannot answer and nothing is cached
     * @param previous with a lookup: the grant this replica verified for the key before, now too old to be used; a
     *     hint for work that can start while the key is looked up again, never an authorization
     */
    public record Verification(@Nullable ApiKeyGrant recent, @Nullable Mono<Optional<ApiKeyGrant>> lookup,
            @Nullable ApiKeyGrant previous) {
    }

    /** Checks the format, the memory of this replica, then (in the lookup) Redis and auth-service. */
    public Verification verify(String key) {
        if (!wellFormed(key)) {
            count("malformed");
            return new Verification(null, Mono.just(Optional.empty()), null);
        }
        String cacheKey = cacheKeyOf(key);
        RecentGrants.Recent justVerified = recent.get(cacheKey);
        if (justVerified != null && notExpired(justVerified.grant())) {
            count("recent_hit");
            if (justVerified.refreshDue()) {
                refreshInBackground(key, cacheKey);
            }
            return new Verification(justVerified.grant(), null, null);
        }
        ApiKeyGrant previous = recent.lastKnown(cacheKey);
        return new Verification(null, Mono.defer(() -> shared(key, cacheKey)),
                previous != null && notExpired(previous) ? previous : null);
    }

    /**
     * One lookup per key at a time: when a busy key's remembered answer runs out (every 500 ms here, every minute
     * in Redis), the requests arriving meanwhile wait for the same Redis read or introspection instead of each
     * making its own. Without this, hundreds of requests per second introspected the same key at once and waited
     * for each other at auth-service.
     */
    private Mono<Optional<ApiKeyGrant>> shared(String key, String cacheKey) {
        CompletableFuture<Optional<ApiKeyGrant>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiKeyGrant>> running = inFlight.putIfAbsent(cacheKey, mine);
        while (running != null && running.isDone()) {
            // Answered, and about to leave the table on the thread that answered it: joining it would give a
            // background refresh the answer it means to renew, and the memory would not be renewed.
            inFlight.remove(cacheKey, running);
            running = inFlight.putIfAbsent(cacheKey, mine);
        }
        if (running != null) {
            count("joined");
            return answerOf(running);
        }
        // Every lookup ends by its deadline, on a timer rather than by the lookup's own: one lost on the way (a
        // failure before it started, an answer that never came) would otherwise hold every later request of the key
        // for good, since they all join it.
        RequestEventLoop.failAfter(mine, lookupDeadline);
        mine.whenComplete((grant, error) -> inFlight.remove(cacheKey, mine));
        try {
            lookup(key, cacheKey).defaultIfEmpty(Optional.empty())
                    .subscribe(mine::complete, mine::completeExceptionally);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        // Not cancelled with the first caller: the others, and the caches, still want the answer.
        return answerOf(mine);
    }

    /**
     * Looks the key up again while requests go on with the grant this replica remembers: the lookup is shared with
     * any request that finds the memory expired meanwhile, and its answer renews the memory (or, for a key no longer
     * active, clears it). A failure leaves the memory to expire as it would have.
     */
    private void refreshInBackground(String key, String cacheKey) {
        count("recent_refresh");
        shared(key, cacheKey).subscribe(answer -> {
        }, error -> log.debug("API key refresh failed: {}", error.toString()));
    }

    private static Mono<Optional<ApiKeyGrant>> answerOf(CompletableFuture<Optional<ApiKeyGrant>> lookup) {
        return Mono.fromFuture(lookup, true).onErrorMap(error -> !(error instanceof ApiProblem), error -> {
            log.warn("API key lookup failed: {}", error.toString());
            return IntrospectionClient.unavailable();
        });
    }

    private Mono<Optional<ApiKeyGrant>> lookup(String key, String cacheKey) {
        return cache.get(cacheKey)
                .flatMap(cached -> {
                    count(cached.answer().isPresent() ? "cache_hit" : "cache_hit_inactive");
                    Optional<ApiKeyGrant> grant = cached.answer().filter(this::notExpired);
                    remember(cacheKey, grant);
                    Duration age = cached.age();
                    if (grant.isPresent() && age != null && age.compareTo(cacheRefreshAge) >= 0) {
                        refreshCacheInBackground(key, cacheKey);
                    }
                    return Mono.just(grant);
                })
                .switchIfEmpty(Mono.defer(() -> introspect(key, cacheKey)));
    }

    /**
     * Introspects the key again while requests go on with the answer Redis still holds; the answer renews the Redis
     * entry and this replica's memory (or, for a key no longer active, replaces them). Not shared with the requests'
     * lookups: none of them waits for it. A failure leaves the entry to expire as it would have.
     */
    private void refreshCacheInBackground(String key, String cacheKey) {
        if (!cacheRefreshes.add(cacheKey)) {
            return;
        }
        count("cache_refresh");
        try {
            introspect(key, cacheKey).doFinally(signal -> cacheRefreshes.remove(cacheKey))
                    .subscribe(answer -> {
                    }, error -> log.debug("API key cache refresh failed: {}", error.toString()));
        } catch (RuntimeException e) {
            cacheRefreshes.remove(cacheKey);
            log.debug("API key cache refresh failed: {}", e.toString());
        }
    }

    private Mono<Optional<ApiKeyGrant>> introspect(String key, String cacheKey) {
        return client.introspect(key)
                .flatMap(answer -> {
                    Optional<ApiKeyGrant> grant = answer.filter(this::notExpired);
                    count(grant.isPresent() ? "introspected_active" : "introspected_inactive");
                    remember(cacheKey, grant);
                    Mono<Boolean> stored = grant.isPresent()
                            ? cache.putActive(cacheKey, grant.get(), ttlFor(grant.get()))
                            : cache.putInactive(cacheKey, properties.negativeCacheTtl());
                    return stored.thenReturn(grant);
                });
    }

    private void remember(String cacheKey, Optional<ApiKeyGrant> grant) {
        if (grant.isPresent()) {
            recent.put(cacheKey, grant.get());
        } else {
            recent.forget(cacheKey);
        }
    }

    private boolean notExpired(ApiKeyGrant grant) {
        return grant.expiresAt() == null || grant.expiresAt().isAfter(clock.instant());
    }

    /** Never cached beyond the key's own expiry. */
    private Duration ttlFor(ApiKeyGrant grant) {
        Duration ttl = properties.cacheTtl();
        Instant expiresAt = grant.expiresAt();
        if (expiresAt != null) {
            Duration left = Duration.between(clock.instant(), expiresAt);
            if (left.compareTo(ttl) < 0) {
                ttl = left;
            }
        }
        return ttl;
    }

    private void count(String outcome) {
        // Looked up once per outcome: a registry lookup with tags on every request shows in profiles.
        outcomes.computeIfAbsent(outcome, name -> meters.counter("wagate.gateway.apikey.verification", "outcome", name))
                .increment();
    }

    /** The cache key: SHA-256 of the key in hex, so Redis never holds a usable secret. */
    public static String cacheKeyOf(String key) {
        byte[] digest = SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return "wagate:gw:apikey:" + HexFormat.of().formatHex(digest);
    }
}
