package io.wagate.gateway.ratelimit.internal;

import io.wagate.gateway.ratelimit.RateLimitDecision;
import java.util.concurrent.CompletableFuture;
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
 * is checked in Redis on every request, exactly as without leases), doubles when the caller comes back for more
 * within a lease lifetime of the last grant, and when a lease expired with tokens left it shrinks to what was used,
 * by half at most. A lease lives {@code ttl}, which also bounds how late a plan change reaches this replica's
 * requests of the caller. Refusals always come from Redis.
 *
 * <p>Refilled ahead of need ({@link #refillAhead}): when a lease is down to a quarter of its tokens, or to the last
 * quarter of its lifetime, one request (the one that took the token) also asks Redis for the next lease in the
 * background, and the caller's requests go on spending what is left meanwhile; the tokens granted join the lease and
 * live a lifetime from the grant. Without it every request of a busy caller arriving during the Redis call that
 * follows an empty or expired lease waited for that call.
 *
 * <p>One refill at a time per caller ({@link #refill}): the requests that find the lease empty while another request
 * is fetching the next one wait for that answer and take from it, and only those it leaves without a token ask Redis
 * for their own. Without the wait a burst of a caller's requests would each take a whole lease (spending the caller's
 * minute at once on tokens that then expire unused), or each ask Redis for a token: on a busy replica a slow refill
 * then turned into hundreds of Redis calls a second, which slowed the next refill further.
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

    /** What a request whose caller has no leased token left does next. */
    public sealed interface Refill {
    }

    /**
     * Ask Redis for {@code size} tokens (the request's own and the next lease), hand the answer to {@link #granted},
     * and call {@link #done} however the check ends: the requests waiting for this refill go on then.
     */
    public record Fetch(long size, Runnable done) implements Refill {
    }

    /** Another request is refilling the lease: wait until {@code answered} completes, then {@link #take} again. */
    public record Await(CompletableFuture<Void> answered) implements Refill {
    }

    private static final Fetch SINGLE = new Fetch(1, () -> {
    });

    /** A decision from tokens this replica holds for the caller, or null when the caller must be checked in Redis. */
    public @Nullable RateLimitDecision take(LimitRequest request) {
        Lease lease = leases.get(key(request));
        return lease == null ? null : lease.take(nanoClock.getAsLong());
    }

    /** After {@link #take} found no token: refill the lease, or wait for the refill already under way. */
    public Refill refill(LimitRequest request) {
        if (maxShare <= 0) {
            return SINGLE;
        }
        return leaseOf(request).refill(nanoClock.getAsLong(), ttlNanos);
    }

    /**
     * Before the caller's request, while its API key is looked up again: the refill to make now in the background
     * when the caller has no usable token and no refill is under way, null otherwise. Its answer goes to
     * {@link #grantedAhead}; the request then takes from the lease, or waits for the refill as for any other.
     */
    public @Nullable Fetch prefetch(LimitRequest request) {
        if (maxShare <= 0) {
            return null;
        }
        return leaseOf(request).prefetch(nanoClock.getAsLong(), ttlNanos);
    }

    /** The caller's lease, a new empty one if it has none. */
    private Lease leaseOf(LimitRequest request) {
        if (leases.size() >= maxLeases) {
            leases.clear();
        }
        return leases.computeIfAbsent(key(request), ignored -> new Lease());
    }

    /**
     * After {@link #take} gave a token: the refill to make in the background, when the lease is running low or out
     * of time and no refill is under way; null otherwise. Its answer goes to {@link #grantedAhead}.
     */
    public @Nullable Fetch refillAhead(LimitRequest request) {
        if (maxShare <= 0) {
            return null;
        }
        Lease lease = leases.get(key(request));
        return lease == null ? null : lease.refillAhead(nanoClock.getAsLong(), ttlNanos);
    }

    /**
     * Adds what Redis granted to a {@link #refillAhead} to the lease. A refusal changes nothing: the lease runs
     * out, and the next request asks Redis itself.
     */
    public void grantedAhead(LimitRequest request, RateLimitDecision decision, long granted) {
        Lease lease = leases.get(key(request));
        if (lease != null && decision.allowed() && granted > 0) {
            lease.add(nanoClock.getAsLong(), ttlNanos, decision, granted, maxLeaseSize(decision));
        }
    }

    /**
     * Keeps what Redis granted beyond the request's own token and answers the decision for the request: the
     * remaining count includes the tokens now held here, which are still the caller's.
     */
    public RateLimitDecision granted(LimitRequest request, RateLimitDecision decision, long granted) {
        long maxSize = maxLeaseSize(decision);
        if (!decision.allowed() || granted <= 1 && maxSize <= 1) {
            return decision;
        }
        Lease lease = leases.get(key(request));
        if (lease == null) {
            return decision;
        }
        return lease.add(nanoClock.getAsLong(), ttlNanos, decision, Math.max(0, granted - 1), maxSize);
    }

    /** The largest lease for the caller's limit: its share of it, at least one token. */
    private long maxLeaseSize(RateLimitDecision decision) {
        return maxShare <= 0 ? 1 : Math.max(1, (long) Math.floor(decision.limit() * maxShare));
    }

    private static String key(LimitRequest request) {
        return request.tenantId() + "/" + request.callerKey();
    }

    /** One caller's tokens on this replica. */
    private static final class Lease {
        private static final long NEVER = Long.MIN_VALUE;

        private long tokens;
        private long expiresAt;
        private long size = 1;
        private long maxSize = 1;
        private long grantedAt = NEVER;
        /** The refill under way, if any, and when it was asked for. */
        private @Nullable CompletableFuture<Void> refill;
        private long refillAskedAt;
        private @Nullable RateLimitDecision base;
        private long baseRemaining;

        synchronized @Nullable RateLimitDecision take(long now) {
            if (!hasToken(now)) {
                return null;
            }
            tokens--;
            return decision(base);
        }

        private boolean hasToken(long now) {
            return tokens > 0 && now - expiresAt < 0 && base != null;
        }

        synchronized Refill refill(long now, long ttl) {
            CompletableFuture<Void> underWay = refill;
            // A refill older than a lease lifetime lapses: its answer is lost or late, and waiting on it would
            // stall the caller.
            if (underWay != null && now - refillAskedAt < ttl) {
                return new Await(underWay);
            }
            if (tokens > 0 && now - expiresAt >= 0) {
                // Expired with tokens left: the caller needs less than it got. By half at most, because a pause
                // right after a refill leaves almost the whole lease, and the caller is back at its pace after it.
                shrinkToWhatWasUsed();
                tokens = 0;
            } else if (tokens <= 0 && grantedAt != NEVER && now - grantedAt < ttl) {
                // Back for more within a lease lifetime of the last grant: the caller is faster than the lease.
                grow();
            }
            return startRefill(now);
        }

        synchronized @Nullable Fetch prefetch(long now, long ttl) {
            return !hasToken(now) && refill(now, ttl) instanceof Fetch fetch ? fetch : null;
        }

        synchronized @Nullable Fetch refillAhead(long now, long ttl) {
            if (refill != null && now - refillAskedAt < ttl || !hasToken(now) || size <= 1) {
                return null;
            }
            boolean low = tokens * 4 <= size;
            if (!low && expiresAt - now > ttl / 4) {
                return null;
            }
            if (low && now - grantedAt < ttl / 2) {
                // Three quarters spent in the first half of the lifetime: the caller is faster than the lease.
                grow();
            } else if (!low) {
                // Ending with more than a quarter left: the caller needs less than it got. By half at most.
                shrinkToWhatWasUsed();
            }
            return startRefill(now);
        }

        private void grow() {
            size = Math.min(maxSize, size * 2);
        }

        /** To the tokens spent of the lease, by half at most. */
        private void shrinkToWhatWasUsed() {
            size = Math.max(1, Math.max(size - tokens, size / 2));
        }

        /** The refill under way from now on, for the lease's current size. */
        private Fetch startRefill(long now) {
            CompletableFuture<Void> next = new CompletableFuture<>();
            refill = next;
            refillAskedAt = now;
            return new Fetch(Math.min(size, maxSize), () -> finish(next));
        }

        private void finish(CompletableFuture<Void> answered) {
            synchronized (this) {
                if (refill == answered) {
                    refill = null;
                }
            }
            answered.complete(null);
        }

        synchronized RateLimitDecision add(long now, long ttl, RateLimitDecision decision, long extra, long max) {
            maxSize = max;
            size = Math.min(size, max);
            grantedAt = now;
            if (now - expiresAt >= 0) {
                tokens = 0;
            }
            if (extra > 0) {
                tokens += extra;
                expiresAt = now + ttl;
            }
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
