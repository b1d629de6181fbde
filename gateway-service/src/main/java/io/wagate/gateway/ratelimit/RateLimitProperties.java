package io.wagate.gateway.ratelimit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API rate limits. Authenticated requests draw from two token buckets at once: the tenant's (its plan's
 * requests per minute) and the caller's own (an API key or a user); anonymous requests to the public endpoints draw
 * from a bucket per client address.
 *
 * @param enabled switch for the whole limiter (off only for load tests of the services behind the gateway)
 * @param principalShare the fraction of the tenant's limit one API key or user may use, so that one runaway
 *     integration cannot starve the tenant's other keys and its dashboard users (1.0: no separate cap)
 * @param anonymousRequestsPerMinute limit per client address on the public endpoints (login, sign-up, refresh):
 *     the brute-force brake
 * @param redisTimeout how long a limit check may wait for Redis before the Redis-down policy applies
 * @param publicOnRedisFailure what public endpoints do when Redis cannot be asked (see docs/gateway.md)
 * @param apiOnRedisFailure what authenticated API requests do when Redis cannot be asked
 * @param localMaxBuckets bound of the in-memory fallback limiter's bucket table (and of the lease table)
 * @param leaseMaxShare the most one replica takes from a caller's buckets ahead of need, as a fraction of its
 *     tightest limit per minute (0: every request is checked in Redis); see docs/gateway.md
 * @param leaseTtl how long tokens taken ahead may be spent; also how late a plan change may reach a busy caller
 */
@Validated
@ConfigurationProperties("wagate.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1.0") @DecimalMin("0.01") @DecimalMax("1.0") double principalShare,
        @DefaultValue("30") @Min(1) int anonymousRequestsPerMinute,
        @DefaultValue("1s") Duration redisTimeout,
        @DefaultValue("FAIL_CLOSED") OnRedisFailure publicOnRedisFailure,
        @DefaultValue("LOCAL_FALLBACK") OnRedisFailure apiOnRedisFailure,
        @DefaultValue("100000") @Min(100) int localMaxBuckets,
        @DefaultValue("0.01") @DecimalMin("0.0") @DecimalMax("0.2") double leaseMaxShare,
        @DefaultValue("1s") Duration leaseTtl) {

    /** What to do with a request when its limit cannot be checked in Redis. */
    public enum OnRedisFailure {
        /** Answer 503: nothing passes unchecked. */
        FAIL_CLOSED,
        /** Check against an in-memory limiter of this gateway replica, with the same limits. */
        LOCAL_FALLBACK,
        /** Let the request through unchecked. */
        FAIL_OPEN
    }
}
