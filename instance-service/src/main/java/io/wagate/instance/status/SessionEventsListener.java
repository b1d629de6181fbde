package io.wagate.instance.status;

import io.wagate.contracts.Topics;
import io.wagate.instance.live.LiveHub;
import io.wagate.support.kafka.EventInbox;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes session events into the projection, then (after the commit) updates the QR cache and publishes the live
 * update. A failure of those after-commit effects is logged, not retried: the projection is the record, the live
 * stream and the QR cache are conveniences that the next event refreshes.
 */
@Component
class SessionEventsListener {

    static final String CONSUMER = "instance-service.sessions";
    private static final Logger log = LoggerFactory.getLogger(SessionEventsListener.class);
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(2);

    private final EventInbox inbox;
    private final StatusProjection projection;
    private final LiveHub live;

    SessionEventsListener(EventInbox inbox, StatusProjection projection, LiveHub live) {
        this.inbox = inbox;
        this.projection = projection;
        this.live = live;
    }

    @KafkaListener(topics = Topics.SESSION_EVENTS, groupId = CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        AtomicReference<@Nullable Projected> applied = new AtomicReference<>();
        inbox.consume(CONSUMER, record, event -> projection.apply(event).doOnNext(applied::set));
        Projected projected = applied.get();
        if (projected == null) {
            return;
        }
        Mono<Void> qr = projected.qrEffect() == null ? Mono.empty() : projected.qrEffect();
        try {
            qr.then(live.publish(projected.tenantId(), projected.live())).block(EFFECT_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Live update or QR cache write for instance {} failed: {}", projected.live().instanceId(),
                    e.toString());
        }
    }
}
