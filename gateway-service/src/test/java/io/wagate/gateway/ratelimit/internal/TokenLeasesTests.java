package io.wagate.gateway.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.gateway.plan.TenantPlan;
import io.wagate.gateway.ratelimit.RateLimitDecision;
import io.wagate.gateway.ratelimit.RouteClass;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenLeasesTests {

    private static final long TTL = 1_000_000_000L;
    private static final TenantPlan PLAN = new TenantPlan("pro", 3000);

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final TokenLeases leases = new TokenLeases(0.01, TTL, 1000, now::get);
    private final LimitRequest request = new LimitRequest(RouteClass.API, UUID.randomUUID(), "key:k1");

    @Test
    void aQuietCallerIsCheckedInRedisEveryTime() {
        for (int i = 0; i < 5; i++) {
            assertThat(leases.take(request)).isNull();
            assertThat(leases.sizeFor(request)).isEqualTo(1);
            leases.granted(request, allowed(3000 - i - 1), 1);
            now.addAndGet(TTL + 1);
        }
    }

    @Test
    void aBusyCallersLeaseDoublesUpToItsShareOfTheLimit() {
        long size = leases.sizeFor(request);
        long redisChecks = 0;
        long remainingInRedis = 3000;
        for (int request = 0; request < 400; request++) {
            if (leases.take(this.request) != null) {
                continue;
            }
            redisChecks++;
            size = leases.sizeFor(this.request);
            remainingInRedis -= size;
            leases.granted(this.request, allowed(remainingInRedis), size);
            now.addAndGet(1_000_000);
        }
        // 1% of 3000 per minute: leases grow 1, 2, 4, 8, 16, 30 and stay at 30.
        assertThat(size).isEqualTo(30);
        assertThat(redisChecks).isLessThan(25);
    }

    @Test
    void remainingCountsTheTokensHeldHereAndFallsWithEveryRequest() {
        leases.granted(request, allowed(100), 1);
        assertThat(leases.sizeFor(request)).isEqualTo(2);
        RateLimitDecision first = leases.granted(request, allowed(98), 2);
        assertThat(first.remaining()).isEqualTo(99);
        RateLimitDecision second = leases.take(request);
        assertThat(second).isNotNull();
        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isEqualTo(98);
        assertThat(second.limit()).isEqualTo(3000);
        assertThat(second.plan()).isEqualTo(PLAN);
        assertThat(leases.take(request)).isNull();
    }

    @Test
    void leasedTokensExpireAndTheNextLeaseShrinksToWhatWasUsed() {
        leases.granted(request, allowed(2990), 1);
        leases.sizeFor(request);
        leases.granted(request, allowed(2988), 2);
        leases.take(request);
        assertThat(leases.sizeFor(request)).isEqualTo(4);
        leases.granted(request, allowed(2984), 4);
        leases.take(request);

        now.addAndGet(TTL);

        assertThat(leases.take(request)).as("two tokens left, but the lease has expired").isNull();
        assertThat(leases.sizeFor(request)).isEqualTo(2);
    }

    @Test
    void aRefusalFromRedisIsPassedOnUntouched() {
        leases.granted(request, allowed(10), 1);
        RateLimitDecision refused = new RateLimitDecision(false, 3000, 0, 60, 7, PLAN);

        assertThat(leases.granted(request, refused, 0)).isSameAs(refused);
        assertThat(leases.take(request)).isNull();
    }

    @Test
    void withoutAShareEveryRequestGoesToRedis() {
        TokenLeases none = new TokenLeases(0, TTL, 1000, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(none.take(request)).isNull();
            assertThat(none.sizeFor(request)).isEqualTo(1);
            none.granted(request, allowed(100), 1);
        }
    }

    @Test
    void requestsArrivingTogetherShareOneRefillInsteadOfTakingALeaseEach() {
        leases.granted(request, allowed(2999), 1);
        assertThat(leases.sizeFor(request)).isEqualTo(2);
        leases.granted(request, allowed(2997), 2);
        assertThat(leases.take(request)).isNotNull();
        // The lease is used up while valid: 40 requests find it empty at once, before any answer from Redis.
        long asked = 0;
        for (int i = 0; i < 40; i++) {
            asked += leases.sizeFor(request);
        }
        // One of them refills (the lease doubles once, to 4); the others ask for their own token only.
        assertThat(asked).isEqualTo(4 + 39);
        leases.granted(request, allowed(2993), 4);
        now.addAndGet(1_000_000);
        for (int i = 0; i < 3; i++) {
            assertThat(leases.take(request)).isNotNull();
        }
        assertThat(leases.take(request)).isNull();
        // The refill answered: the next empty lease may be refilled again, and grows again.
        assertThat(leases.sizeFor(request)).isEqualTo(8);
    }

    @Test
    void aRefillThatNeverAnsweredLapsesAfterTheLeaseLifetime() {
        leases.granted(request, allowed(2999), 1);
        assertThat(leases.sizeFor(request)).isEqualTo(2);
        // No answer (Redis timed out): meanwhile every request asks for one token.
        assertThat(leases.sizeFor(request)).isEqualTo(1);
        now.addAndGet(TTL);
        assertThat(leases.sizeFor(request)).isGreaterThan(1);
    }

    @Test
    void callersHaveLeasesOfTheirOwn() {
        leases.granted(request, allowed(100), 1);
        leases.sizeFor(request);
        leases.granted(request, allowed(98), 2);
        LimitRequest otherKey = new LimitRequest(RouteClass.API, request.tenantId(), "key:k2");

        assertThat(leases.take(otherKey)).isNull();
        assertThat(leases.take(request)).isNotNull();
    }

    private static RateLimitDecision allowed(long remaining) {
        return new RateLimitDecision(true, 3000, remaining, 1, 0, PLAN);
    }
}
