package io.wagate.session;

import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.session.SessionEvent;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;

/**
 * Reads {@code wa.session.events} from the beginning in the background (no consumer group) and keeps every event
 * by instance id, in arrival order, which for one key is the partition's order.
 */
@TestComponent
public class SessionEvents {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Map<String, List<CloudEvent<?>>> byInstance = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean stopped;

    SessionEvents(@Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
        reader = Thread.ofPlatform().daemon().name("session-events-reader").start(() -> read(bootstrap));
    }

    private void read(String bootstrap) {
        // A group of its own: the broker assigns every partition, also those created after the reader started.
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "session-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SESSION_EVENTS));
            while (!stopped) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    CloudEvent<?> event = EventCodec.standard().decode(record.value());
                    byInstance.computeIfAbsent(record.key(), key -> java.util.Collections.synchronizedList(
                            new ArrayList<>())).add(event);
                }
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                LoggerFactory.getLogger(SessionEvents.class).error("The session events reader stopped", e);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopped = true;
        reader.join(2000);
    }

    /** The session events of the instance so far. */
    public List<SessionEvent> of(UUID instanceId) {
        List<CloudEvent<?>> events = byInstance.getOrDefault(instanceId.toString(), List.of());
        synchronized (events) {
            return events.stream().map(event -> (SessionEvent) event.data()).toList();
        }
    }

    public List<CloudEvent<?>> envelopes(UUID instanceId) {
        List<CloudEvent<?>> events = byInstance.getOrDefault(instanceId.toString(), List.of());
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<SessionStatusChanged> statuses(UUID instanceId) {
        return of(instanceId).stream().filter(SessionStatusChanged.class::isInstance)
                .map(SessionStatusChanged.class::cast).toList();
    }

    /** Waits for the first event of the type that matches. */
    public <T extends SessionEvent> T awaitData(UUID instanceId, Class<T> type, Predicate<T> matching) {
        return awaitData(instanceId, type, matching, 0);
    }

    /** Waits for the first event of the type that matches and has a sequence above {@code after}. */
    public <T extends SessionEvent> T awaitData(UUID instanceId, Class<T> type, Predicate<T> matching, long after) {
        try {
            return await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> find(instanceId, type,
                    matching, after), Optional::isPresent).orElseThrow();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No matching " + type.getSimpleName() + " after sequence " + after + "; events "
                    + "of the instance: " + of(instanceId) + "; instances seen: " + byInstance.size(), e);
        }
    }

    public SessionStatusChanged awaitStatus(UUID instanceId, SessionStatus status, SessionReason reason) {
        return awaitStatus(instanceId, status, reason, 0);
    }

    public SessionStatusChanged awaitStatus(UUID instanceId, SessionStatus status, SessionReason reason, long after) {
        return awaitData(instanceId, SessionStatusChanged.class,
                changed -> changed.status() == status && changed.reason() == reason, after);
    }

    private <T extends SessionEvent> Optional<T> find(UUID instanceId, Class<T> type, Predicate<T> matching,
            long after) {
        return of(instanceId).stream().filter(type::isInstance).map(type::cast)
                .filter(event -> event.sequence() > after).filter(matching).findFirst();
    }
}
