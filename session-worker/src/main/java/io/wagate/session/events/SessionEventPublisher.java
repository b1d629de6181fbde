package io.wagate.session.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.session.SessionEvent;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.session.state.SessionRows;
import io.wagate.support.kafka.EventPublisher;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes session events in sequence order. Callers emit one instance's events from one thread at a time, which
 * together with the idempotent producer and the instance-id key keeps them in sequence order on the topic.
 */
@Component
public class SessionEventPublisher {

    static final String SOURCE = "/session-worker";

    private final SessionRows rows;
    private final EventPublisher publisher;
    private final MeterRegistry meters;

    SessionEventPublisher(SessionRows rows, EventPublisher publisher, MeterRegistry meters) {
        this.rows = rows;
        this.publisher = publisher;
        this.meters = meters;
    }

    /**
     * A status change: the status and reason are stored together with the new sequence. Nothing is stored or
     * published when a lease token newer than {@code fence} was seen (see {@link SessionRows#nextSequence}).
     */
    public Mono<SessionStatusChanged> status(SessionIdentity session, SessionStatus status, SessionStatus previous,
            SessionReason reason, int attempt, @Nullable String detail, long fence) {
        return rows.nextSequence(session.instanceId(), status, reason, fence)
                .map(sequence -> new SessionStatusChanged(sequence, status, previous, reason, attempt, detail))
                .flatMap(event -> send(session, event).thenReturn(event))
                .doOnSuccess(event -> meters.counter("wagate.sessions.transitions", "status", status.name(),
                        "reason", reason.wire()).increment());
    }

    /** Any other session event; {@code build} receives the sequence the event must carry. Fenced like a status. */
    public Mono<Void> event(SessionIdentity session, LongFunction<SessionEvent> build, long fence) {
        return rows.nextSequence(session.instanceId(), null, null, fence)
                .flatMap(sequence -> send(session, build.apply(sequence)));
    }

    private Mono<Void> send(SessionIdentity session, SessionEvent event) {
        String key = session.instanceId().toString();
        return publisher.publish(Topics.SESSION_EVENTS, key, CloudEvent.create(SOURCE, session.tenantId().toString(),
                key, session.instanceName(), event));
    }
}
