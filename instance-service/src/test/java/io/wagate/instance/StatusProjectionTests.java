package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatus;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.contracts.session.ConnectionLogged;
import io.wagate.contracts.session.LogLevel;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.instance.logs.ConnectionLogs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StatusProjectionTests extends InstanceIntegrationTest {

    @Autowired
    ConnectionLogs logs;

    @Test
    void followsAScriptedSequenceWithDuplicatesAndReordering() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "projected");

        sessionEvent(tenant, id, status(1, SessionStatus.QR_REQUIRED, SessionStatus.INIT, SessionReason.PAIRING, 0));
        CloudEvent<?> connected = sessionEvent(tenant, id,
                status(4, SessionStatus.CONNECTED, SessionStatus.QR_REQUIRED, SessionReason.LOGGED_IN, 0));
        sessionEvent(tenant, id, status(3, SessionStatus.RECONNECTING, SessionStatus.QR_REQUIRED, SessionReason.NETWORK, 1));
        publish(Topics.SESSION_EVENTS, id.toString(), connected);
        sessionEvent(tenant, id, status(4, SessionStatus.ERROR, SessionStatus.CONNECTED, SessionReason.BANNED, 0));
        sessionEvent(tenant, id, new ProfileUpdated(5, "5511999998888", "5511999998888:7@s.whatsapp.net", null,
                "Sales Bot", "android"));
        sessionEvent(tenant, id, status(6, SessionStatus.RECONNECTING, SessionStatus.CONNECTED, SessionReason.NETWORK, 1));
        sessionEvent(tenant, id, status(7, SessionStatus.RECONNECTING, SessionStatus.RECONNECTING, SessionReason.NETWORK, 2));
        sessionEvent(tenant, id, status(9, SessionStatus.CONNECTED, SessionStatus.RECONNECTING, SessionReason.LOGGED_IN, 0));
        sessionEvent(tenant, id, status(8, SessionStatus.DISCONNECTED, SessionStatus.RECONNECTING, SessionReason.LOGGED_OUT, 0));

        await().atMost(Duration.ofSeconds(15)).until(() -> lastSequence(id) == 9);
        sessionEvent(tenant, id, new ProfileUpdated(10, "5511999998888", "5511999998888:7@s.whatsapp.net", null,
                "Sales Bot 2", "android"));
        await().atMost(Duration.ofSeconds(15)).until(() -> lastSequence(id) == 10);

        get(tenant.owner(), "/api/instances/projected").expectStatus().isOk().expectBody()
                .jsonPath("$.status.state").isEqualTo("CONNECTED")
                .jsonPath("$.status.reason").isEqualTo("logged_in")
                .jsonPath("$.stats.reconnects").isEqualTo(1)
                .jsonPath("$.profile.phoneNumber").isEqualTo("5511999998888")
                .jsonPath("$.profile.pushName").isEqualTo("Sales Bot 2")
                .jsonPath("$.profile.platform").isEqualTo("android");
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + connected.id() + "' "
                + "AND consumer = 'instance-service.sessions' AND :tenant IS NOT NULL", tenant.id())).isEqualTo(1);
    }

    @Test
    void countsMessagesOfTheDayAndIgnoresOtherTenantsEvents() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "counted");
        Instant now = Instant.now();
        publish(Topics.MESSAGE_EVENTS, id.toString(), CloudEvent.create("/session-worker", tenant.id().toString(),
                id.toString(), null, new MessageReceived("m1", "chat", "sender", null, "text", "hi", now)));
        publish(Topics.MESSAGE_EVENTS, id.toString(), CloudEvent.create("/session-worker", tenant.id().toString(),
                id.toString(), null, new MessageStatusChanged("m2", "chat", MessageStatus.SENT, null, now)));
        publish(Topics.MESSAGE_EVENTS, id.toString(), CloudEvent.create("/session-worker", tenant.id().toString(),
                id.toString(), null, new MessageStatusChanged("m2", "chat", MessageStatus.DELIVERED, null, now)));
        publish(Topics.MESSAGE_EVENTS, id.toString(), CloudEvent.create("/session-worker", UUID.randomUUID().toString(),
                id.toString(), null, new MessageReceived("m3", "chat", "sender", null, "text", "hi", now)));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(tenant.owner(), "/api/instances/counted")
                .expectStatus().isOk().expectBody().jsonPath("$.stats.messagesToday").isEqualTo(2));
    }

    @Test
    void storesConnectionLogsServesThemFilteredAndPurgesThem() {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "logged");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sessionEvent(tenant, id, new ConnectionLogged(1, LogLevel.INFO, "connecting", now.minusSeconds(30)));
        sessionEvent(tenant, id, new ConnectionLogged(2, LogLevel.WARN, "slow handshake", now.minusSeconds(20)));
        sessionEvent(tenant, id, new ConnectionLogged(3, LogLevel.ERROR, "stream error 515", now.minusSeconds(10)));
        sessionEvent(tenant, id, new ConnectionLogged(3, LogLevel.ERROR, "stream error 515", now.minusSeconds(10)));
        sessionEvent(tenant, id, new ConnectionLogged(4, LogLevel.DEBUG, "old line", now.minus(Duration.ofDays(8))));
        await().atMost(Duration.ofSeconds(15)).until(() -> logLines(id) == 4);

        get(tenant.owner(), "/api/instances/logged/logs").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[0].message").isEqualTo("stream error 515")
                .jsonPath("$.items[0].level").isEqualTo("ERROR");
        get(tenant.owner(), "/api/instances/logged/logs?level=warn").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2);
        get(tenant.owner(), "/api/instances/logged/logs?limit=1").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
        get(tenant.owner(), "/api/instances/logged/logs?from=" + now.minusSeconds(25) + "&to=" + now.minusSeconds(15))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].message").isEqualTo("slow handshake");
        get(tenant.owner(), "/api/instances/logged/logs?level=LOUD").expectStatus().isBadRequest();
        get(tenant.owner(), "/api/instances/logged/logs?from=yesterday").expectStatus().isBadRequest();
        get(tenant.owner(), "/api/instances/logged/logs?limit=0").expectStatus().isBadRequest();

        for (int sequence = 10; sequence < 35; sequence++) {
            sessionEvent(tenant, id, new ConnectionLogged(sequence, LogLevel.INFO, "line " + sequence, now));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> logLines(id) == 29);
        logs.purge().block();

        assertThat(logLines(id)).isEqualTo(20);
        get(tenant.owner(), "/api/instances/logged/logs?limit=1000").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(20)
                .jsonPath("$.items[19].message").isEqualTo("line 15");
    }

    private long logLines(UUID instanceId) {
        return database.sql("SELECT count(*) FROM connection_log WHERE instance_id = :id").bind("id", instanceId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    static SessionStatusChanged status(long sequence, SessionStatus status, SessionStatus previous, SessionReason reason,
            int attempt) {
        return new SessionStatusChanged(sequence, status, previous, reason, attempt, null);
    }
}
