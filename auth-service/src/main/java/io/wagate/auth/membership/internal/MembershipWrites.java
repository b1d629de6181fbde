package io.wagate.auth.membership.internal;

import io.wagate.auth.shared.Role;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Role changes and removals. Callers lock the tenant row first, so two concurrent demotions cannot both see
 * "another OWNER exists" and leave none.
 */
@Component
public class MembershipWrites {

    private final DatabaseClient database;

    MembershipWrites(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> lockTenant(UUID tenantId) {
        return database.sql("SELECT id FROM tenants WHERE id = :tenant FOR UPDATE").bind("tenant", tenantId)
                .fetch().first().then();
    }

    public Mono<Long> owners(UUID tenantId) {
        return database.sql("SELECT count(*) AS n FROM memberships WHERE tenant_id = :tenant AND role = 'OWNER'")
                .bind("tenant", tenantId).map((row, meta) -> row.get("n", Long.class)).one();
    }

    public Mono<Void> setRole(UUID tenantId, UUID userId, Role role) {
        return database.sql("UPDATE memberships SET role = :role WHERE tenant_id = :tenant AND user_id = :user")
                .bind("role", role.name()).bind("tenant", tenantId).bind("user", userId).then();
    }

    /** Removes the membership and ends the user's sessions in that tenant. */
    public Mono<Void> remove(UUID tenantId, UUID userId) {
        return database.sql("DELETE FROM memberships WHERE tenant_id = :tenant AND user_id = :user")
                .bind("tenant", tenantId).bind("user", userId).then()
                .then(database.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE tenant_id = :tenant "
                                + "AND user_id = :user AND revoked_at IS NULL")
                        .bind("tenant", tenantId).bind("user", userId).then());
    }
}
