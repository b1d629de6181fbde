package io.wagate.instance.live;

import io.wagate.instance.live.internal.StreamPosition;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes live events and hands them to this replica's stream clients. Publishing appends to the tenant's capped
 * Redis stream (replay buffer) and announces the entry on one channel; every replica subscribes to that channel once
 * and fans out locally, filtered by tenant, so tenants never see each other's events.
 */
@Component
public class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    static final String CHANNEL = "instances:live";
    private static final String SEPARATOR = "|";

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final LiveProperties properties;
    private final Sinks.Many<LiveMessage> local = Sinks.many().multicast().directBestEffort();
    private volatile @Nullable Disposable subscription;

    LiveHub(ReactiveStringRedisTemplate redis, JsonMapper json, LiveProperties properties) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
    }

    /** Appends the event to the tenant's buffer and announces it to every replica. */
    public Mono<Void> publish(UUID tenantId, LiveEvent event) {
        String key = bufferKey(tenantId);
        String body = json.writeValueAsString(event);
        return redis.opsForStream()
                .add(StreamRecords.string(Map.of("instance", event.instanceId().toString(), "type", event.type(),
                                "event", body)).withStreamKey(key),
                        RedisStreamCommands.XAddOptions.maxlen(properties.bufferSize()))
                .flatMap(id -> redis.expire(key, properties.bufferTtl())
                        .then(redis.convertAndSend(CHANNEL, String.join(SEPARATOR, tenantId.toString(),
                                event.instanceId().toString(), id.getValue(), event.type(), body))))
                .then();
    }

    /** This replica's live events of one tenant from now on. */
    Flux<LiveMessage> live(UUID tenantId) {
        return local.asFlux().filter(message -> message.tenantId().equals(tenantId));
    }

    /** Buffered events of the tenant after the position, oldest first. */
    Flux<LiveMessage> replayAfter(UUID tenantId, StreamPosition after) {
        return redis.opsForStream()
                .range(bufferKey(tenantId), Range.rightUnbounded(Range.Bound.exclusive(after.toString())))
                .flatMap(record -> Mono.justOrEmpty(message(tenantId, record)));
    }

    private static @Nullable LiveMessage message(UUID tenantId, MapRecord<String, Object, Object> record) {
        StreamPosition position = StreamPosition.parse(record.getId().getValue());
        Object instance = record.getValue().get("instance");
        Object type = record.getValue().get("type");
        Object body = record.getValue().get("event");
        if (position == null || instance == null || type == null || body == null) {
            return null;
        }
        return new LiveMessage(position, tenantId, UUID.fromString(instance.toString()), type.toString(),
                body.toString());
    }

    private static String bufferKey(UUID tenantId) {
        return "instances:live:" + tenantId;
    }

    private void dispatch(String payload) {
        String[] parts = payload.split("\\" + SEPARATOR, 5);
        StreamPosition position = parts.length == 5 ? StreamPosition.parse(parts[2]) : null;
        if (position == null) {
            return;
        }
        local.tryEmitNext(new LiveMessage(position, UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[3],
                parts[4]));
    }

    @Override
    public void start() {
        // Waits for the subscription so that nothing published after start-up is missed by this replica.
        Flux<String> messages = redis.listenToChannelLater(CHANNEL)
                .block(Duration.ofSeconds(30))
                .map(message -> message.getMessage());
        subscription = messages
                .doOnError(error -> log.warn("Live channel subscription failed: {}", error.toString()))
                .retry()
                .subscribe(this::dispatch);
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
        local.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
