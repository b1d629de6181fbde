package io.wagate.session.command;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.DisconnectSession;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.RequestPairingCode;
import io.wagate.contracts.session.ResetSession;
import io.wagate.contracts.session.RestartSession;
import io.wagate.session.managed.ManagedSession;
import io.wagate.session.managed.SessionManager;
import io.wagate.session.ownership.OwnershipProperties;
import io.wagate.session.state.DesiredState;
import io.wagate.session.state.SessionRow;
import io.wagate.session.state.SessionRows;
import io.wagate.support.kafka.EventInbox;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The worker group's command listener. The row changes commit with the inbox entry; the session is told only after
 * the commit, so a rolled-back command never touches a live connection.
 */
@Component
class SessionCommandListener {

    static final String CONSUMER = "session-worker";
    private static final Logger log = LoggerFactory.getLogger(SessionCommandListener.class);

    private final EventInbox inbox;
    private final SessionRows rows;
    private final SessionManager sessions;

    SessionCommandListener(EventInbox inbox, SessionRows rows, SessionManager sessions) {
        this.inbox = inbox;
        this.rows = rows;
        this.sessions = sessions;
    }

    // The topic and group are configurable so that several worker groups can share one broker.
    @KafkaListener(topics = "${" + OwnershipProperties.COMMANDS_TOPIC + ":" + Topics.SESSION_COMMANDS + "}",
            groupId = "${" + OwnershipProperties.CONSUMER_GROUP + ":" + CONSUMER + "}")
    void on(ConsumerRecord<String, byte[]> record) {
        AtomicReference<@Nullable Runnable> afterCommit = new AtomicReference<>();
        inbox.consume(CONSUMER, record, event -> handle(event, record.key(), record.partition(), afterCommit));
        Runnable action = afterCommit.get();
        if (action != null) {
            action.run();
        }
    }

    private Mono<?> handle(CloudEvent<?> event, @Nullable String key, int partition,
            AtomicReference<@Nullable Runnable> afterCommit) {
        String id = event.instanceId() != null ? event.instanceId() : key;
        if (id == null) {
            log.warn("Command {} names no instance; skipped", event.id());
            return Mono.empty();
        }
        UUID instanceId = UUID.fromString(id);
        log.info("Command {} ({}) for instance {}", event.id(), event.type(), instanceId);
        if (event.data() instanceof ConnectSession connect) {
            if (event.tenantId() == null) {
                log.warn("Connect command {} names no tenant; skipped", event.id());
                return Mono.empty();
            }
            return rows.upsertConnected(instanceId, UUID.fromString(event.tenantId()), connect.instanceName(),
                            connect.engine(), partition)
                    .doOnNext(row -> then(afterCommit, row, ManagedSession::connect));
        }
        return rows.find(instanceId)
                .switchIfEmpty(Mono.fromRunnable(() -> log.info("Command {} ({}) for unknown instance {}; skipped",
                        event.id(), event.type(), instanceId)))
                .flatMap(row -> switch (event.data()) {
                    case DisconnectSession ignored -> rows.desire(instanceId, DesiredState.DISCONNECTED)
                            .then(Mono.fromRunnable(() -> then(afterCommit, row, ManagedSession::disconnect)));
                    case RestartSession ignored -> rows.desire(instanceId, DesiredState.CONNECTED)
                            .then(Mono.fromRunnable(() -> then(afterCommit, row, ManagedSession::restart)));
                    case ResetSession ignored -> rows.desire(instanceId, DesiredState.CONNECTED)
                            .then(Mono.fromRunnable(() -> then(afterCommit, row, ManagedSession::reset)));
                    case LogoutSession logout -> rows.desire(instanceId, DesiredState.DISCONNECTED)
                            .then(Mono.fromRunnable(() -> then(afterCommit, row,
                                    session -> session.logout(logout.deleteInstance()))));
                    case RequestPairingCode pairing -> rows.desire(instanceId, DesiredState.CONNECTED)
                            .then(Mono.fromRunnable(() -> then(afterCommit, row,
                                    session -> session.requestPairingCode(pairing.phoneNumber()))));
                    default -> Mono.empty();
                });
    }

    private void then(AtomicReference<@Nullable Runnable> afterCommit, SessionRow row, Consumer<ManagedSession> action) {
        afterCommit.set(() -> action.accept(sessions.session(row)));
    }
}
