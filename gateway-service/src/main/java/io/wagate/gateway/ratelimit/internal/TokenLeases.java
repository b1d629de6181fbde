package io.wagate.gateway.ratelimit.internal;

import io.wagate.gateway.ratelimit.RateLimitDecision;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a replica took from a caller's Redis buckets ahead of need, so that a busy API key does not cost one Redis
 * script per request. The tokens are taken from Redis before they are spent, so leasing never lets more requests
 * through than the limits allow, on any number of replicas; its price is fairness and precision at the margin: a
 * replica may hold up to {@code maxShare} of a caller's limit that another replica's request cannot use, and tokens
 * left when a lease expires are lost to the caller (at most one lease's worth per lease lifetime).
 *
 * <p>The size of the next lease follows the caller's pace on this replica: it starts at one token (a quiet caller
 * is checked in Redis on every request, exactly as without leases), doubles when a lease is used up before it
 * expires, and shrinks to what was used when tokens were left over. A lease lives {@code ttl}, which also bounds how
 * late a plan change reaches this replica's requests of the caller. Refusals always come from Redis.
 *
 * <p>One refill at a time per caller: the requests that find the lease empty while another request is fetching the
 * next one ask Redis for their own token only. Otherwise a burst of a caller's requests arriving together would each
 * take a whole lease (and each double its size), spending the caller's minute in an instant on tokens that then
 * expire unused, and refusing it although it stayed within its limit.
 */
public final class TokenLeases {

    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private final double maxShare;
    private final long ttlNanos;
    private final int maxLeases;
    private final LongSupplier nanoClock;

    /**
     * @param maxShare the largest lease as a fraction of the caller's tightest limit per minute (0: no leases)
     * @param ttlNanos how long leased tokens may be spent
     * @param maxLeases bound of the lease table; beyond it the table starts over (losing leased tokens: errs on the
     *     strict side)
     */
    public TokenLeases(double maxShare, long ttlNanos, int maxLeases, LongSupplier nanoClock) {
        this.maxShare = maxShare;
        this.ttlNanos = ttlNanos;
        this.maxLeases = maxLeases;
        this.nanoClock = nanoClock;
    }

    /** A decision from tokens this replica holds for the caller, or null when the caller must be checked in Redis. */
    public @Nullable RateLimitDecision take(LimitRequest request) {
        Lease lease = leases.get(key(request));
        return lease == null ? null : lease.take(nanoClock.getAsLong());
    }

    /** How many tokens to ask Redis for, after {@link #take} found none. */
    public long sizeFor(LimitRequest request) {
        if (maxShare <= 0) {
            return 1;
        }
        Lease lease = leases.get(key(request));
        return lease == null ? 1 : lease.nextSize(nanoClock.getAsLong(), ttlNanos);
    }

    /**
     * Keeps what Redis granted beyond the request's own token and answers the decision for the request: the
     * remaining count includes the tokens now held here, which are still the caller's.
     */
    public RateLimitDecision granted(LimitRequest request, RateLimitDecision decision, long granted) {
        long maxSize = maxShare <= 0 ? 1 : Math.max(1, (long) Math.floor(decision.limit() * maxShare));
        if (!decision.allowed() || granted <= 1 && maxSize <= 1) {
            return decision;
        }
        if (leases.size() >= maxLeases) {
            leases.clear();
        }
        Lease lease = leases.computeIfAbsent(key(request), ignored -> new Lease());
        return lease.add(nanoClock.getAsLong(), ttlNanos, decision, Math.max(0, granted - 1), maxSize);
    }

    private static String key(LimitRequest request) {
        return request.tenantId() + "/" + request.callerKey();
    }

    /** One caller's tokens on this replica. */
    private static final class Lease {
        private long tokens;
        private long expiresAt;
        private long size = 1;
        private long maxSize = 1;
        /** When the refill under way was asked for; {@code refilling} says whether there is one. */
        private long refillAskedAt;
        private boolean refilling;
        private @Nullable RateLimitDecision base;
        private long baseRemaining;

        synchronized @Nullable RateLimitDecision take(long now) {
            if (tokens <= 0 || now - expiresAt >= 0 || base == null) {
                return null;
            }
            tokens--;
            return decision(base);
        }

        synchronized long nextSize(long now, long ttl) {
            if (refilling && now - refillAskedAt < ttl) {
                return 1;
            }
            refilling = true;
            refillAskedAt = now;
            if (tokens > 0 && now - expiresAt >= 0) {
                // Expired with tokens left: the caller needs less than it got.
                size = Math.max(1, size - tokens);
                tokens = 0;
            } else if (tokens <= 0 && now - expiresAt < 0) {
                // Used up while still valid: the caller is faster than the lease.
                size = Math.min(maxSize, size * 2);
            }
            return Math.min(size, maxSize);
        }

        synchronized RateLimitDecision add(long now, long ttl, RateLimitDecision decision, long extra, long max) {
            maxSize = max;
            size = Math.min(size, max);
            if (now - expiresAt >= 0) {
                tokens = 0;
            }
            tokens += extra;
            if (extra > 0) {
                // The refill's answer (the others asked for one token); a refill that failed or was refused lapses
                // after the lease lifetime instead.
                refilling = false;
            }
            expiresAt = now + ttl;
            base = decision;
            baseRemaining = decision.remaining();
            return decision(decision);
        }

        private RateLimitDecision decision(RateLimitDecision from) {
            long remaining = baseRemaining + tokens;
            long limit = from.limit();
            long reset = Math.max(0, (long) Math.ceil((limit - remaining) * 60.0 / limit));
            return new RateLimitDecision(from.allowed(), limit, remaining, reset, 0, from.plan());
        }
    }
}
