package io.wagate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.support.identity.InternalTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A receiver that never answers must not slow down the other endpoints, not even those whose jobs share its
 * partition: the consumer hands every due job over and goes on, and the hanging endpoint holds at most its
 * concurrency cap (4) of requests; its further jobs are deferred.
 */
class SlowEndpointIsolationTests extends WebhookIntegrationTest {

    private static final int ROUNDS = 8;
    /**
     * Half the request timeout of the test configuration (2 s). If the hanging endpoint's requests held the
     * partition's consumer, each of the healthy endpoint's events behind one of them would wait up to the full 2 s,
     * which moves the median by more than this; scheduling noise on a busy machine stays well below it.
     */
    private static final Duration BOUND = Duration.ofSeconds(1);

    @Value("${wagate.kafka.partitions}")
    int partitions;
    @Autowired
    MeterRegistry meters;

    @Test
    void aHangingEndpointDoesNotRaiseTheLatencyOfAHealthyOneInTheSamePartition() throws InterruptedException {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        try (Sink healthy = new Sink(200); Sink hanging = Sink.hanging()) {
            UUID healthyId = UUID.fromString((String) endpoint(tenant, instance, healthy.url(), "session.status")
                    .get("id"));
            List<Long> alone = latencies(tenant, instance, healthy, 0);

            samePartitionEndpoint(tenant, instance, hanging, healthyId);
            double busyBefore = busyDeferrals();
            List<Long> withHanging = latencies(tenant, instance, healthy, ROUNDS);

            // The hanging endpoint really got the same events at the same time and was held at its cap.
            assertThat(hanging.received()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(busyDeferrals()).isGreaterThan(busyBefore);
            long difference = median(withHanging) - median(alone);
            assertThat(difference).as("median latency alone %s ms, with a hanging endpoint %s ms (all: %s / %s)",
                    median(alone), median(withHanging), alone, withHanging).isLessThan(BOUND.toMillis());
        }
    }

    /** Sends one event per round and measures when the healthy endpoint receives it. */
    private List<Long> latencies(Tenant tenant, Instance instance, Sink healthy, int sequenceOffset)
            throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            int expected = healthy.received().size() + 1;
            Instant sent = Instant.now();
            sessionEvent(tenant, instance, new SessionStatusChanged(sequenceOffset + round, SessionStatus.RECONNECTING,
                    null, SessionReason.NETWORK, round, null));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> healthy.received().size() >= expected);
            latencies.add(Duration.between(sent, healthy.received().get(expected - 1).at()).toMillis());
            // Stays below the test rate limit (5 per second), which would otherwise defer the healthy endpoint too.
            Thread.sleep(250);
        }
        return latencies;
    }

    /** An endpoint for the hanging sink whose jobs share the healthy endpoint's partition of each job topic. */
    private void samePartitionEndpoint(Tenant tenant, Instance instance, Sink hanging, UUID healthyId) {
        for (int tries = 0; tries < 40; tries++) {
            String id = (String) endpoint(tenant, instance, hanging.url(), "session.status").get("id");
            if (partition(UUID.fromString(id)) == partition(healthyId)) {
                return;
            }
            http.delete().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, tenant.developer()).exchange()
                    .expectStatus().isNoContent();
        }
        throw new AssertionError("No endpoint id fell into the healthy endpoint's partition");
    }

    /** The partition Kafka's default partitioner picks for a job keyed by this endpoint id. */
    private int partition(UUID endpointId) {
        return Utils.toPositive(Utils.murmur2(endpointId.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private double busyDeferrals() {
        Counter counter = meters.find("wagate.webhooks.deferred").tag("reason", "busy").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
