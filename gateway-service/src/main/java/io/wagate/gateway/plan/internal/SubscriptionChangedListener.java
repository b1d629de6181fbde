package io.wagate.gateway.plan.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.gateway.plan.PlanProjection;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Feeds {@link PlanProjection} from {@code platform.subscription.events}. The projection's version check makes
 * redeliveries harmless, so no deduplication table is needed; other subscription event types are skipped.
 */
public final class SubscriptionChangedListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionChangedListener.class);

    private final PlanProjection projection;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final Duration timeout;

    public SubscriptionChangedListener(PlanProjection projection, EventCodec codec, MeterRegistry meters,
            Duration timeout) {
        this.projection = projection;
        this.codec = codec;
        this.meters = meters;
        this.timeout = timeout;
    }

    @KafkaListener(id = "gateway-subscription-events", topics = Topics.SUBSCRIPTION_EVENTS, groupId = "gateway-service")
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<?> event = codec.decode(record.value());
        if (event.data() instanceof SubscriptionChanged change) {
            Boolean applied = projection.apply(change).block(timeout);
            meters.counter("wagate.gateway.plan.changes", "applied", String.valueOf(Boolean.TRUE.equals(applied)))
                    .increment();
            log.info("Tenant {} is on plan {} ({} requests/min, version {}): {}", change.tenantId(), change.plan(),
                    change.limits().requestsPerMinute(), change.version(),
                    Boolean.TRUE.equals(applied) ? "applied" : "older than the stored version, skipped");
        }
    }
}
