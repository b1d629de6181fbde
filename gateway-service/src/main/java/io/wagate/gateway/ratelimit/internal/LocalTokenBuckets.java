package io.wagate.gateway.ratelimit.internal;

import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.plan.TenantPlan;
import io.wagate.gateway.ratelimit.RateLimitDecision;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory stand-in for {@link RedisTokenBuckets} while Redis is unreachable: the same buckets and limits, but
 * per gateway replica, so a tenant may get up to (replicas x limit) for the duration of the outage, and the tenant's
 * plan is the default plan (the projection lives in Redis). Bounded: when the table grows beyond its size, it
 * starts over empty, which errs on the permissive side.
 */
public final class LocalTokenBuckets {

    private static final class Bucket {
        private double tokens;
        private long updatedAtMillis;
        private final long capacity;

        Bucket(long capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updatedAtMillis = now;
        }

        synchronized double[] take(long now, boolean consume) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - updatedAtMillis) * capacity / 60_000.0);
            updatedAtMillis = now;
            boolean available = tokens >= 1;
            if (consume && available) {
                tokens -= 1;
            }
            return new double[] {available ? 1 : 0, tokens};
        }
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final PlanProperties plans;
    private final double principalShare;
    private final int anonymousLimit;
    private final int maxBuckets;
    private final LongSupplier clock;

    public LocalTokenBuckets(PlanProperties plans, double principalShare, int anonymousLimit, int maxBuckets,
            LongSupplier clock) {
        this.plans = plans;
        this.principalShare = principalShare;
        this.anonymousLimit = anonymousLimit;
        this.maxBuckets = maxBuckets;
        this.clock = clock;
    }

    public RateLimitDecision check(LimitRequest request) {
        if (buckets.size() > maxBuckets) {
            buckets.clear();
        }
        long now = clock.getAsLong();
        if (request.tenantId() == null) {
            double[] caller = bucket(request.callerKey(), anonymousLimit, now).take(now, true);
            return decision(caller[0] == 1, anonymousLimit, caller[1], null);
        }
        int tenantLimit = plans.defaultRequestsPerMinute();
        long callerLimit = Math.max(1, (long) Math.floor(tenantLimit * principalShare));
        Bucket tenant = bucket("tenant:" + request.tenantId(), tenantLimit, now);
        Bucket caller = bucket(request.callerKey(), callerLimit, now);
        // Peek first so that a refusal by one bucket does not drain the other.
        boolean allowed = tenant.take(now, false)[0] == 1 && caller.take(now, false)[0] == 1;
        double tenantLeft = tenant.take(now, allowed)[1];
        double callerLeft = caller.take(now, allowed)[1];
        TenantPlan plan = plans.defaults();
        return callerLeft < tenantLeft ? decision(allowed, callerLimit, callerLeft, plan)
                : decision(allowed, tenantLimit, tenantLeft, plan);
    }

    private Bucket bucket(String key, long capacity, long now) {
        return buckets.computeIfAbsent(key + "/" + capacity, ignored -> new Bucket(capacity, now));
    }

    private static RateLimitDecision decision(boolean allowed, long limit, double tokens, @Nullable TenantPlan plan) {
        long reset = (long) Math.ceil((limit - tokens) * 60 / limit);
        long retry = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 60 / limit);
        return new RateLimitDecision(allowed, limit, (long) Math.floor(tokens), reset, retry, plan);
    }
}
