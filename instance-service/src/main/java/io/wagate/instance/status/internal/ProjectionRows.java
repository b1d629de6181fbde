package io.wagate.instance.status.internal;

import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.SessionStatusChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Sequence-guarded updates of the instance row; each returns the instance name when it applied. */
@Repository
public class ProjectionRows {

    private static final String GUARD = " WHERE id = :instance AND tenant_id = :tenant AND last_sequence < :sequence "
            + "RETURNING name";

    private final DatabaseClient database;

    ProjectionRows(DatabaseClient database) {
        this.database = database;
    }

    /** Moves the status; a move into RECONNECTING from another status counts one reconnect. */
    public Mono<String> status(UUID tenantId, UUID instanceId, SessionStatusChanged change, Instant at) {
        GenericExecuteSpec spec = database.sql("UPDATE instance SET last_sequence = :sequence, "
                        + "reconnects = reconnects + CASE WHEN :status = 'RECONNECTING' AND status <> 'RECONNECTING' "
                        + "THEN 1 ELSE 0 END, "
                        + "status_since = CASE WHEN status <> :status THEN :at ELSE status_since END, "
                        + "status = :status, status_reason = :reason, status_detail = :detail" + GUARD)
                .bind("status", change.status().name())
                .bind("reason", change.reason().wire())
                .bind("at", at);
        spec = nullable(spec, "detail", change.detail());
        return run(spec, tenantId, instanceId, change.sequence());
    }

    public Mono<String> profile(UUID tenantId, UUID instanceId, ProfileUpdated profile) {
        GenericExecuteSpec spec = database.sql("UPDATE instance SET last_sequence = :sequence, "
                        + "phone_number = :phone, jid = :jid, push_name = :pushName, platform = :platform" + GUARD)
                .bind("phone", profile.phoneNumber())
                .bind("jid", profile.jid());
        spec = nullable(spec, "pushName", profile.pushName());
        spec = nullable(spec, "platform", profile.platform());
        return run(spec, tenantId, instanceId, profile.sequence());
    }

    /** Events that change no column (QR, pairing code, log) still advance the sequence. */
    public Mono<String> advance(UUID tenantId, UUID instanceId, long sequence) {
        return run(database.sql("UPDATE instance SET last_sequence = :sequence" + GUARD), tenantId, instanceId,
                sequence);
    }

    /** The name of the instance, for events that are kept even when older than the projected state (log lines). */
    public Mono<String> name(UUID tenantId, UUID instanceId) {
        return database.sql("SELECT name FROM instance WHERE id = :instance AND tenant_id = :tenant")
                .bind("instance", instanceId)
                .bind("tenant", tenantId)
                .map(row -> row.get("name", String.class))
                .one();
    }

    /** Counts one message for the instance's day (UTC); a new day starts from one. */
    public Mono<Void> countMessage(UUID tenantId, UUID instanceId, LocalDate day) {
        return database.sql("UPDATE instance SET messages_today = CASE WHEN messages_day = :day "
                        + "THEN messages_today + 1 WHEN messages_day > :day THEN messages_today ELSE 1 END, "
                        + "messages_day = GREATEST(coalesce(messages_day, :day), :day) "
                        + "WHERE id = :instance AND tenant_id = :tenant")
                .bind("day", day)
                .bind("instance", instanceId)
                .bind("tenant", tenantId)
                .then();
    }

    private static Mono<String> run(GenericExecuteSpec spec, UUID tenantId, UUID instanceId, long sequence) {
        return spec.bind("instance", instanceId)
                .bind("tenant", tenantId)
                .bind("sequence", sequence)
                .map(row -> row.get("name", String.class))
                .one();
    }

    private static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
