package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.PlanLimits;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.contracts.platform.SubscriptionStatus;
import io.wagate.support.kafka.EventPublisher;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.ratelimit.RateLimitDecision;
import io.wagate.gateway.ratelimit.RouteClass;
import io.wagate.gateway.ratelimit.internal.LimitRequest;
import io.wagate.gateway.ratelimit.internal.RedisTokenBuckets;
import io.wagate.gateway.ratelimit.internal.TokenLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RateLimitTests extends GatewayIntegrationTest {

    @Autowired
    EventPublisher events;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void thePlansLimitAnswers429WithAllHeadersAndAnUpgradeRaisesIt() {
        UUID tenant = UUID.randomUUID();
        String token = UserTokens.owner(tenant, "user-rl");
        changePlan(tenant, 1, "tiny", 3);

        for (int i = 3; i > 0; i--) {
            call(token).expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(i - 1))
                    .expectHeader().exists("RateLimit-Reset");
        }
        call(token).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("RateLimit-Limit", "3")
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset)).isBetween(1L, 60L))
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retry -> assertThat(Long.parseLong(retry)).isBetween(1L, 20L))
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/rate-limited");

        changePlan(tenant, 2, "pro", 100);
        String probe = probe();
        call(token, probe).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "100");
        assertThat(identityReceived(backend, probe).plan()).isEqualTo("pro");

        // A late duplicate of the old event changes nothing.
        publish(tenant, 1, "tiny", 3);
        call(token).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "100");
    }

    @Test
    void tenantsWithoutASubscriptionGetTheDefaultPlan() {
        call(UserTokens.owner(UUID.randomUUID(), "user-default")).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "600")
                .expectHeader().valueEquals("RateLimit-Remaining", "599");
    }

    @Test
    void anonymousRequestsAreLimitedPerClientAddress() {
        http().post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "30");
    }

    @Test
    void leasedTokensNeverLetTwoReplicasPastTheLimit() {
        PlanProperties plans = new PlanProperties("basic", 1000);
        RedisTokenBuckets buckets = new RedisTokenBuckets(redis, plans, 1.0, 30);
        List<TokenLeases> replicas = List.of(new TokenLeases(0.05, Duration.ofSeconds(1).toNanos(), 1000, System::nanoTime),
                new TokenLeases(0.05, Duration.ofSeconds(1).toNanos(), 1000, System::nanoTime));
        LimitRequest request = new LimitRequest(RouteClass.API, UUID.randomUUID(), "key:" + UUID.randomUUID());
        long started = System.nanoTime();
        int allowed = 0;
        int grantingChecks = 0;
        int lastRemaining = Integer.MAX_VALUE;
        for (int i = 0; i < 3000; i++) {
            TokenLeases replica = replicas.get(i % 2);
            RateLimitDecision decision = replica.take(request);
            if (decision == null) {
                // One request at a time: never a refill under way to wait for.
                TokenLeases.Fetch refill = (TokenLeases.Fetch) replica.refill(request);
                RedisTokenBuckets.Grant grant = buckets.check(request, refill.size()).block();
                grantingChecks += grant.granted() > 0 ? 1 : 0;
                decision = replica.granted(request, grant.decision(), grant.granted());
                refill.done().run();
            }
            if (decision.allowed()) {
                allowed++;
                lastRemaining = (int) decision.remaining();
            }
        }
        long refilled = (System.nanoTime() - started) * 1000 / Duration.ofMinutes(1).toNanos() + 1;

        assertThat(allowed).as("at most the bucket plus what refilled meanwhile").isLessThanOrEqualTo(1000 + (int) refilled);
        assertThat(allowed).as("at most two leases of 50 lost to the other replica").isGreaterThanOrEqualTo(900);
        assertThat(lastRemaining).isLessThan(100);
        // Tokens that refill while the loop runs (1000 a minute) come back one at a time, each with a check of its own.
        assertThat(grantingChecks).as("Redis checks that let requests through: under one per ten tokens of the bucket, "
                + "plus one per token refilled meanwhile").isLessThan((allowed - (int) refilled) / 10 + (int) refilled);
    }

    private void changePlan(UUID tenant, long version, String plan, int requestsPerMinute) {
        publish(tenant, version, plan, requestsPerMinute);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.toString(requestsPerMinute)
                .equals(redis.opsForHash().get("wagate:gw:plan:" + tenant, "rpm").block()));
    }

    private void publish(UUID tenant, long version, String plan, int requestsPerMinute) {
        events.publish(Topics.SUBSCRIPTION_EVENTS, tenant.toString(), CloudEvent.create("/billing-service",
                tenant.toString(), null, null, new SubscriptionChanged(tenant, version, plan, null,
                        SubscriptionStatus.ACTIVE, new PlanLimits(5, requestsPerMinute, 1000), Instant.now()))).block();
    }

    private WebTestClient.ResponseSpec call(String token) {
        return call(token, probe());
    }

    private WebTestClient.ResponseSpec call(String token, String probe) {
        return http().get().uri("/api/instances").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe).exchange();
    }
}
