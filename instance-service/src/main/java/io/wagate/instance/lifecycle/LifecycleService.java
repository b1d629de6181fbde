package io.wagate.instance.lifecycle;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.session.SessionCommand;
import io.wagate.instance.instance.Instance;
import io.wagate.instance.instance.InstanceAccess;
import io.wagate.instance.instance.Instances;
import io.wagate.instance.lifecycle.internal.IdempotentRequests;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.outbox.Outbox;
import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Turns a lifecycle request into one session command, at most once per Idempotency-Key. */
@Service
class LifecycleService {

    private static final Logger log = LoggerFactory.getLogger(LifecycleService.class);
    static final URI KEY_REUSED = ProblemTypes.of("idempotency-key-reused");
    private static final String SOURCE = "/instance-service";

    /** The answer and whether it is a replay of an earlier request with the same key. */
    record Outcome(CommandAccepted answer, boolean replayed) {
    }

    private final Instances instances;
    private final Outbox outbox;
    private final IdempotentRequests idempotent;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final LifecycleProperties properties;

    LifecycleService(Instances instances, Outbox outbox, IdempotentRequests idempotent,
            TransactionalOperator transactions, JsonMapper json, LifecycleProperties properties) {
        this.instances = instances;
        this.outbox = outbox;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
    }

    Mono<Outcome> submit(InternalIdentity identity, String name, LifecycleCommand command,
            @Nullable String phoneNumber, @Nullable String idempotencyKey) {
        return instances.find(identity, name, InstanceAccess.Permission.CONTROL)
                .flatMap(instance -> {
                    SessionCommand data = command.toCommand(instance, identity.actor(), phoneNumber);
                    CloudEvent<SessionCommand> event = CloudEvent.create(SOURCE, instance.tenantId().toString(),
                            instance.id().toString(), instance.name(), data);
                    CommandAccepted answer = new CommandAccepted(event.id(), instance.name(), command.wire(),
                            event.time());
                    Mono<Outcome> send = publish(instance, command, event).thenReturn(new Outcome(answer, false));
                    if (idempotencyKey == null) {
                        return transactions.transactional(send);
                    }
                    String fingerprint = command.wire() + "|" + instance.id() + "|"
                            + (phoneNumber == null ? "" : phoneNumber);
                    Mono<Outcome> once = idempotent.claim(instance.tenantId(), idempotencyKey, fingerprint,
                                    json.writeValueAsString(answer), properties.idempotencyWindow())
                            .flatMap(first -> first ? send : replay(instance, idempotencyKey, fingerprint));
                    return transactions.transactional(once);
                });
    }

    private Mono<Void> publish(Instance instance, LifecycleCommand command, CloudEvent<SessionCommand> event) {
        return instances.requestState(instance, command.desiredState())
                .then(outbox.append(Topics.SESSION_COMMANDS, instance.id().toString(), event));
    }

    private Mono<Outcome> replay(Instance instance, String key, String fingerprint) {
        return idempotent.find(instance.tenantId(), key)
                .map(stored -> {
                    if (!stored.fingerprint().equals(fingerprint)) {
                        throw new ApiProblem(HttpStatusCode.valueOf(422), KEY_REUSED, "Idempotency key reused",
                                "This Idempotency-Key was used for a different request within the last "
                                        + properties.idempotencyWindow().toHours() + " hours");
                    }
                    return new Outcome(json.readValue(stored.response(), CommandAccepted.class), true);
                });
    }

    /** Forgets answers older than the window; hourly is plenty since expired rows are also ignored on claim. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void purgeExpiredKeys() {
        try {
            idempotent.purgeOlderThan(properties.idempotencyWindow()).block();
        } catch (RuntimeException e) {
            log.warn("Purging expired idempotency keys failed, retrying in an hour: {}", e.toString());
        }
    }
}
