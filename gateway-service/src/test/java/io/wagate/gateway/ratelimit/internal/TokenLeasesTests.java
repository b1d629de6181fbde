package io.wagate.gateway.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.gateway.plan.TenantPlan;
import io.wagate.gateway.ratelimit.RateLimitDecision;
import io.wagate.gateway.ratelimit.RouteClass;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenLeasesTests {

    private static final long TTL = 1_000_000_000L;
    private static final TenantPlan PLAN = new TenantPlan("pro", 3000);

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final TokenLeases leases = new TokenLeases(0.01, TTL, 1000, now::get);
    private final LimitRequest request = new LimitRequest(RouteClass.API, UUID.randomUUID(), "key:k1");
    private TokenLeases.Fetch pending;

    @Test
    void aQuietCallerIsCheckedInRedisEveryTime() {
        for (int i = 0; i < 5; i++) {
            assertThat(leases.take(request)).isNull();
            assertThat(fetch(leases.refill(request)).size()).isEqualTo(1);
            grant(allowed(3000 - i - 1), 1);
            now.addAndGet(TTL + 1);
        }
    }

    @Test
    void aBusyCallersLeaseDoublesUpToItsShareOfTheLimit() {
        long size = 0;
        long redisChecks = 0;
        long remainingInRedis = 3000;
        for (int request = 0; request < 400; request++) {
            if (leases.take(this.request) != null) {
                continue;
            }
            redisChecks++;
            size = fetch(leases.refill(this.request)).size();
            remainingInRedis -= size;
            grant(allowed(remainingInRedis), size);
            now.addAndGet(1_000_000);
        }
        // 1% of 3000 per minute: leases grow 1, 2, 4, 8, 16, 30 and stay at 30.
        assertThat(size).isEqualTo(30);
        assertThat(redisChecks).isLessThan(25);
    }

    @Test
    void remainingCountsTheTokensHeldHereAndFallsWithEveryRequest() {
        startLease();
        RateLimitDecision first = grant(allowed(98), fetch(leases.refill(request)).size());
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
        startLease();
        grant(allowed(2988), fetch(leases.refill(request)).size());
        leases.take(request);
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(4);
        grant(allowed(2984), 4);
        leases.take(request);

        now.addAndGet(TTL);

        assertThat(leases.take(request)).as("two tokens left, but the lease has expired").isNull();
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(2);
    }

    @Test
    void aLeaseLeftAlmostWholeByAPauseShrinksByHalfAtMost() {
        long size = 1;
        startLease();
        while (size < 16) {
            size = fetch(leases.refill(request)).size();
            grant(allowed(2000), size);
            while (leases.take(request) != null) {
                now.addAndGet(1_000);
            }
        }
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(30);
        grant(allowed(2000), 30);
        // The caller pauses right after the refill: 29 of its tokens expire unused.
        now.addAndGet(TTL);

        assertThat(fetch(leases.refill(request)).size()).as("half of 30, not the 1 token it used").isEqualTo(15);
    }

    @Test
    void aRefusalFromRedisIsPassedOnUntouched() {
        startLease();
        leases.refill(request);
        RateLimitDecision refused = new RateLimitDecision(false, 3000, 0, 60, 7, PLAN);

        assertThat(leases.granted(request, refused, 0)).isSameAs(refused);
        assertThat(leases.take(request)).isNull();
    }

    @Test
    void withoutAShareEveryRequestGoesToRedis() {
        TokenLeases none = new TokenLeases(0, TTL, 1000, now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(none.take(request)).isNull();
            // Never a wait either: every request has its own check.
            assertThat(fetch(none.refill(request)).size()).isEqualTo(1);
            none.granted(request, allowed(100), 1);
        }
    }

    @Test
    void requestsArrivingTogetherWaitForOneRefillInsteadOfTakingALeaseEach() {
        startLease();
        grant(allowed(2997), fetch(leases.refill(request)).size());
        assertThat(leases.take(request)).isNotNull();
        // The lease is used up while valid: 40 requests find it empty at once, before any answer from Redis.
        TokenLeases.Fetch refill = fetch(leases.refill(request));
        List<TokenLeases.Await> waiting = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            waiting.add((TokenLeases.Await) leases.refill(request));
        }
        // One of them refills (the lease doubles once, to 4); the others wait for its answer.
        assertThat(refill.size()).isEqualTo(4);
        assertThat(waiting).allSatisfy(await -> assertThat(await.answered()).isNotDone());

        grant(allowed(2993), 4);

        assertThat(waiting).allSatisfy(await -> assertThat(await.answered()).isCompleted());
        for (int i = 0; i < 3; i++) {
            assertThat(leases.take(request)).isNotNull();
        }
        assertThat(leases.take(request)).isNull();
        // The refill answered: the next empty lease is refilled again, and grows again.
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(8);
    }

    @Test
    void aRefillThatNeverAnsweredLapsesAfterTheLeaseLifetime() {
        startLease();
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(2);
        // No answer yet (Redis is slow): meanwhile requests wait for it.
        assertThat(leases.refill(request)).isInstanceOf(TokenLeases.Await.class);
        now.addAndGet(TTL);
        assertThat(leases.refill(request)).isInstanceOf(TokenLeases.Fetch.class);
    }

    @Test
    void aRefillOfOneTokenEndsTheRefillToo() {
        // A refill that brings no extra token (the caller's first, or a lease shrunk to one) must not hold up
        // the next one: otherwise every request asks Redis on its own for a lease lifetime.
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(1);
        grant(allowed(2999), 1);

        assertThat(leases.take(request)).isNull();
        assertThat(fetch(leases.refill(request)).size()).isEqualTo(2);
    }

    @Test
    void callersHaveLeasesOfTheirOwn() {
        startLease();
        grant(allowed(98), fetch(leases.refill(request)).size());
        LimitRequest otherKey = new LimitRequest(RouteClass.API, request.tenantId(), "key:k2");

        assertThat(leases.take(otherKey)).isNull();
        assertThat(leases.take(request)).isNotNull();
    }

    @Test
    void aLeaseDownToAQuarterIsRefilledAheadOnceAndTheGrantJoinsWhatIsLeft() {
        startLease();
        grant(allowed(2997), fetch(leases.refill(request)).size()); // 2: one extra token
        assertThat(leases.take(request)).isNotNull();
        grant(allowed(2993), fetch(leases.refill(request)).size()); // 4: three extra tokens
        assertThat(leases.take(request)).isNotNull();
        assertThat(leases.refillAhead(request)).as("two of four left").isNull();
        assertThat(leases.take(request)).isNotNull();

        TokenLeases.Fetch ahead = leases.refillAhead(request);
        assertThat(ahead).as("one of four left, spent within half the lifetime: twice the size").isNotNull();
        assertThat(ahead.size()).isEqualTo(8);
        assertThat(leases.refillAhead(request)).as("one refill at a time").isNull();
        assertThat(leases.take(request)).as("the last token is still spent meanwhile").isNotNull();
        assertThat(leases.refill(request)).as("an empty lease waits for the refill under way")
                .isInstanceOf(TokenLeases.Await.class);

        leases.grantedAhead(request, allowed(2985), 8);
        ahead.done().run();
        for (int i = 0; i < 8; i++) {
            assertThat(leases.take(request)).as("all eight granted tokens join the lease").isNotNull();
        }
        assertThat(leases.take(request)).isNull();
    }

    @Test
    void aLeaseInItsLastQuarterIsRefilledAheadAtTheSizeItWasUsedAt() {
        startLease();
        grant(allowed(2997), fetch(leases.refill(request)).size());
        assertThat(leases.take(request)).isNotNull();
        grant(allowed(2993), fetch(leases.refill(request)).size()); // 4: three extra tokens
        for (int i = 0; i < 3; i++) {
            assertThat(leases.take(request)).isNotNull();
        }
        grant(allowed(2985), fetch(leases.refill(request)).size()); // 8: seven extra tokens
        assertThat(leases.take(request)).isNotNull();
        assertThat(leases.refillAhead(request)).isNull();

        now.addAndGet(TTL * 3 / 4);
        TokenLeases.Fetch ahead = leases.refillAhead(request);
        assertThat(ahead).as("six of eight left with a quarter of the lifetime to go").isNotNull();
        assertThat(ahead.size()).as("half of 8, not the 2 used: by half at most").isEqualTo(4);
        leases.grantedAhead(request, allowed(2981), 4);
        ahead.done().run();

        now.addAndGet(TTL / 2);
        int spendable = 0;
        while (leases.take(request) != null) {
            spendable++;
        }
        assertThat(spendable).as("what was left and the grant, a lifetime from the grant").isEqualTo(10);
    }

    @Test
    void aRefusalOfARefillAheadLeavesTheLeaseToRunOut() {
        startLease();
        grant(allowed(2997), fetch(leases.refill(request)).size());
        assertThat(leases.take(request)).isNotNull();
        grant(allowed(2993), fetch(leases.refill(request)).size());
        leases.take(request);
        leases.take(request);
        TokenLeases.Fetch ahead = leases.refillAhead(request);
        assertThat(ahead).isNotNull();

        leases.grantedAhead(request, new RateLimitDecision(false, 3000, 0, 60, 60, PLAN), 0);
        ahead.done().run();

        assertThat(leases.take(request)).isNotNull();
        assertThat(leases.take(request)).isNull();
    }

    /** The caller's first request: checked in Redis for its own token, which starts its lease record. */
    @Test
    void aPrefetchRefillsOnlyALeaseWithoutUsableTokensAndNoRefillUnderWay() {
        TokenLeases.Fetch ahead = leases.prefetch(request);
        assertThat(ahead).as("a caller without a lease").isNotNull();
        assertThat(ahead.size()).isEqualTo(1);
        assertThat(leases.prefetch(request)).as("one refill at a time").isNull();
        assertThat(leases.refill(request)).as("the request waits for it").isInstanceOf(TokenLeases.Await.class);

        leases.grantedAhead(request, allowed(2999), 1);
        ahead.done().run();
        assertThat(leases.prefetch(request)).as("a usable token").isNull();
        assertThat(leases.take(request)).isNotNull();

        TokenLeases.Fetch next = leases.prefetch(request);
        assertThat(next).as("the lease is empty again").isNotNull();
        assertThat(next.size()).as("back within a lease lifetime: twice the size").isEqualTo(2);
        next.done().run();
        now.addAndGet(TTL + 1);
        assertThat(leases.prefetch(request)).as("after a refill that brought nothing").isNotNull();
    }

    private void startLease() {
        grant(allowed(2999), fetch(leases.refill(request)).size());
    }

    /** Redis's answer to the refill under way, which ends it (as the filter does when its check is over). */
    private RateLimitDecision grant(RateLimitDecision decision, long granted) {
        RateLimitDecision answer = leases.granted(request, decision, granted);
        if (pending != null) {
            pending.done().run();
            pending = null;
        }
        return answer;
    }

    private TokenLeases.Fetch fetch(TokenLeases.Refill refill) {
        assertThat(refill).isInstanceOf(TokenLeases.Fetch.class);
        pending = (TokenLeases.Fetch) refill;
        return pending;
    }

    private static RateLimitDecision allowed(long remaining) {
        return new RateLimitDecision(true, 3000, remaining, 1, 0, PLAN);
    }
}
