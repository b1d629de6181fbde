package io.wagate.instance.live;

import io.wagate.instance.instance.InstanceAccess;
import io.wagate.instance.instance.Instances;
import io.wagate.instance.live.internal.StreamPosition;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Opens a caller's live stream: decides the tenant and optional instance filter (an API key only ever sees its own
 * instance), then replays the buffer after {@code Last-Event-ID} and continues live without gaps or duplicates.
 */
@Component
class LiveStreams {

    private static final int MAX_PENDING = 1024;

    private final LiveHub hub;
    private final Instances instances;

    LiveStreams(LiveHub hub, Instances instances) {
        this.hub = hub;
        this.instances = instances;
    }

    /** The stream, or an error (404 for a foreign instance, 403, 400 for a bad Last-Event-ID) before it starts. */
    Mono<Flux<LiveMessage>> open(InternalIdentity identity, @Nullable String instanceName,
            @Nullable String lastEventId) {
        StreamPosition after = StreamPosition.parse(lastEventId);
        if (lastEventId != null && !lastEventId.isBlank() && after == null) {
            return Mono.error(ApiProblem.invalid("Last-Event-ID must be an event id received from this stream"));
        }
        return filter(identity, instanceName)
                .map(instance -> messages(identity.tenantId(), instance.orElse(null), after));
    }

    private Mono<Optional<UUID>> filter(InternalIdentity identity, @Nullable String instanceName) {
        if (instanceName != null && !instanceName.isBlank()) {
            return instances.find(identity, instanceName, InstanceAccess.Permission.READ)
                    .map(instance -> Optional.of(instance.id()));
        }
        return Mono.fromCallable(() -> {
            InstanceAccess.require(identity, InstanceAccess.Permission.READ);
            return Optional.ofNullable(identity.isApiKey() ? identity.instanceId() : null);
        });
    }

    private Flux<LiveMessage> messages(UUID tenantId, @Nullable UUID instanceId, @Nullable StreamPosition after) {
        return Flux.defer(() -> {
            // Live first, into a buffer, then the replay: an event published in between is in one or both, and the
            // position filter drops the copies.
            Sinks.Many<LiveMessage> buffer = Sinks.many().unicast().onBackpressureBuffer(
                    Queues.<LiveMessage>get(MAX_PENDING).get());
            Disposable live = hub.live(tenantId).subscribe(message -> {
                if (buffer.tryEmitNext(message).isFailure()) {
                    // A client this far behind ends its stream; it resumes with Last-Event-ID from the buffer.
                    buffer.tryEmitError(new IllegalStateException("live client too slow"));
                }
            });
            AtomicReference<StreamPosition> last = new AtomicReference<>(
                    after == null ? new StreamPosition(0, 0) : after);
            Flux<LiveMessage> replay = after == null ? Flux.empty()
                    : hub.replayAfter(tenantId, after).doOnNext(message -> last.set(message.id()));
            return Flux.concat(replay, buffer.asFlux().filter(message -> message.id().isAfter(last.get())))
                    .filter(message -> instanceId == null || instanceId.equals(message.instanceId()))
                    .doFinally(signal -> live.dispose());
        });
    }
}
