package io.wagate.gateway.ratelimit.internal;

import io.wagate.gateway.plan.PlanProjection;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.plan.TenantPlan;
import io.wagate.gateway.ratelimit.RateLimitDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, checked and drawn from in one Lua script so that concurrent requests on several gateway
 * replicas can never overdraw a bucket. The script also reads the tenant's plan from the plan projection, so an
 * authenticated request costs one round trip for plan and limits together. Time comes from Redis ({@code TIME}),
 * not from the replicas, whose clocks may differ.
 *
 * <p>A bucket holds {@code limit} tokens and refills at {@code limit} per minute. When a tenant's limit rises
 * (a plan upgrade), its buckets get the difference at once instead of slowly refilling up to the new size.
 *
 * <p>A check may take several tokens at once (a lease, see {@link TokenLeases}): as many as asked for and as every
 * bucket can give, at least one, or none and the request is refused.
 */
public final class RedisTokenBuckets {

    private static final RedisScript<List> SCRIPT = RedisScript.of("""
            local plan = ARGV[1]
            local rpm = tonumber(ARGV[2])
            if ARGV[4] == '1' then
              local stored = redis.call('HMGET', KEYS[1], 'plan', 'rpm')
              if stored[1] and stored[2] then plan = stored[1]; rpm = tonumber(stored[2]) end
            end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local caps = { rpm }
            if #KEYS >= 3 then caps[2] = math.max(1, math.floor(rpm * tonumber(ARGV[3]))) end
            local tokens = {}
            local granted = tonumber(ARGV[5])
            for i = 1, #caps do
              local cap = caps[i]
              local bucket = redis.call('HMGET', KEYS[i + 1], 't', 'ts', 'c')
              local t = cap
              if bucket[1] and bucket[2] and bucket[3] then
                t = tonumber(bucket[1])
                local previous = tonumber(bucket[3])
                if cap > previous then t = t + (cap - previous) end
                t = math.min(cap, t + math.max(0, now - tonumber(bucket[2])) * cap / 60000)
              end
              tokens[i] = t
              granted = math.min(granted, math.floor(t))
            end
            if granted < 1 then granted = 0 end
            local allowed = granted >= 1
            local tightest = 1
            local retry = 0
            for i = 1, #caps do
              tokens[i] = tokens[i] - granted
              if tokens[i] < 1 then
                retry = math.max(retry, math.ceil((1 - tokens[i]) * 60 / caps[i]))
              end
              if tokens[i] < tokens[tightest] then tightest = i end
              redis.call('HSET', KEYS[i + 1], 't', tostring(tokens[i]), 'ts', tostring(now), 'c', tostring(caps[i]))
              redis.call('PEXPIRE', KEYS[i + 1], 61000)
            end
            local reset = math.ceil((caps[tightest] - tokens[tightest]) * 60 / caps[tightest])
            return { allowed and '1' or '0', tostring(caps[tightest]), tostring(math.floor(tokens[tightest])),
                     tostring(reset), tostring(retry), plan, tostring(rpm), tostring(granted) }
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final PlanProperties plans;
    private final double principalShare;
    private final int anonymousLimit;

    public RedisTokenBuckets(ReactiveStringRedisTemplate redis, PlanProperties plans, double principalShare,
            int anonymousLimit) {
        this.redis = redis;
        this.plans = plans;
        this.principalShare = principalShare;
        this.anonymousLimit = anonymousLimit;
    }

    /** The outcome of a check that took {@code granted} tokens (0 when refused). */
    public record Grant(RateLimitDecision decision, long granted) {
    }

    /** Takes up to {@code tokens} tokens (at least 1) from the request's buckets. */
    public Mono<Grant> check(LimitRequest request, long tokens) {
        UUID tenant = request.tenantId();
        List<String> keys = new ArrayList<>();
        List<String> args;
        if (tenant == null) {
            keys.add("wagate:gw:none");
            keys.add("wagate:gw:rl:" + request.callerKey());
            args = List.of(plans.defaultPlan(), Integer.toString(anonymousLimit), "1", "0", Long.toString(tokens));
        } else {
            keys.add(PlanProjection.redisKey(tenant));
            keys.add("wagate:gw:rl:tenant:" + tenant);
            keys.add("wagate:gw:rl:" + request.callerKey());
            args = List.of(plans.defaultPlan(), Integer.toString(plans.defaultRequestsPerMinute()),
                    Double.toString(principalShare), "1", Long.toString(tokens));
        }
        return redis.execute(SCRIPT, keys, args)
                .collectList()
                .map(result -> decision(flatten(result), tenant != null));
    }

    private static List<?> flatten(List<?> result) {
        return result.size() == 1 && result.getFirst() instanceof List<?> inner ? inner : result;
    }

    private static Grant decision(List<?> values, boolean withPlan) {
        TenantPlan plan = withPlan ? new TenantPlan(text(values, 5), (int) number(values, 6)) : null;
        return new Grant(new RateLimitDecision("1".equals(text(values, 0)), number(values, 1), number(values, 2),
                number(values, 3), number(values, 4), plan), number(values, 7));
    }

    private static String text(List<?> values, int index) {
        return String.valueOf(values.get(index));
    }

    private static long number(List<?> values, int index) {
        return Long.parseLong(text(values, index));
    }
}
