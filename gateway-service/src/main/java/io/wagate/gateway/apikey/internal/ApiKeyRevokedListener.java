package io.wagate.gateway.apikey.internal;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.ApiKeyRevoked;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Evicts a revoked key's cached introspection as soon as auth-service publishes the revocation. The eviction is
 * idempotent, so redeliveries need no deduplication table (the gateway has no database). The cache lives in Redis
 * and is shared by all gateway replicas, so one consumer group for all replicas is enough; the other replicas'
 * {@link RecentGrants} forget the key within their short lifetime.
 */
public final class ApiKeyRevokedListener {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRevokedListener.class);

    private final RecentGrants recent;
    private final IntrospectionCache cache;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final Duration timeout;

    public ApiKeyRevokedListener(RecentGrants recent, IntrospectionCache cache, EventCodec codec, MeterRegistry meters,
            Duration timeout) {
        this.recent = recent;
        this.cache = cache;
        this.codec = codec;
        this.meters = meters;
        this.timeout = timeout;
    }

    @KafkaListener(id = "gateway-api-key-events", topics = Topics.API_KEY_EVENTS, groupId = "gateway-service")
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent<?> event = codec.decode(record.value());
        if (event.data() instanceof ApiKeyRevoked revoked) {
            recent.evict(revoked.keyId());
            // Blocking the listener thread keeps the offset commit after the eviction: a failure redelivers the event.
            Boolean evicted = cache.evict(revoked.keyId()).block(timeout);
            meters.counter("wagate.gateway.apikey.revocations", "cached", String.valueOf(Boolean.TRUE.equals(evicted)))
                    .increment();
            log.info("API key {} of tenant {} revoked ({}); cached introspection evicted: {}", revoked.keyId(),
                    revoked.tenantId(), revoked.reason(), evicted);
        }
    }
}
