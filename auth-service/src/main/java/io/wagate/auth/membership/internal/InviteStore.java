package io.wagate.auth.membership.internal;

import io.wagate.auth.shared.Ids;
import io.wagate.auth.shared.Role;
import io.wagate.auth.shared.Secrets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Invites by SHA-256 hash of their one-time token. */
@Component
public class InviteStore {

    private final DatabaseClient database;

    InviteStore(DatabaseClient database) {
        this.database = database;
    }

    /** A created invite and its raw token (shown once, in the link). */
    public record Created(UUID id, String token) {
    }

    /** An open invite, claimed by the transaction that read it. */
    public record Open(UUID id, UUID tenantId, String email, Role role) {
    }

    public Mono<Created> create(UUID tenantId, String email, Role role, UUID invitedBy, Instant expiresAt) {
        UUID id = Ids.newId();
        String token = Secrets.opaqueToken();
        return database.sql("INSERT INTO invites (id, tenant_id, email, role, token_hash, invited_by, expires_at) "
                        + "VALUES (:id, :tenant, :email, :role, :hash, :by, :expires)")
                .bind("id", id).bind("tenant", tenantId).bind("email", email).bind("role", role.name())
                .bind("hash", Secrets.sha256(token)).bind("by", invitedBy)
                .bind("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .then().thenReturn(new Created(id, token));
    }

    /** Locks an unexpired, unaccepted invite for the current transaction; empty when there is none. */
    public Mono<Open> claim(String token) {
        return database.sql("SELECT id, tenant_id, email, role FROM invites WHERE token_hash = :hash "
                        + "AND accepted_at IS NULL AND expires_at > now() FOR UPDATE")
                .bind("hash", Secrets.sha256(token))
                .map((row, meta) -> new Open(row.get("id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("email", String.class), Role.valueOf(row.get("role", String.class))))
                .one();
    }

    public Mono<Void> accept(UUID inviteId, UUID userId) {
        return database.sql("UPDATE invites SET accepted_at = now(), accepted_by = :user WHERE id = :id")
                .bind("id", inviteId).bind("user", userId).then();
    }
}
