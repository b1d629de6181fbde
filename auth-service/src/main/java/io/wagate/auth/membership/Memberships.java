package io.wagate.auth.membership;

import io.wagate.auth.shared.Role;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and adds memberships; changes that must keep an OWNER go through {@link MembershipService}. */
@Component
public class Memberships {

    private static final String SELECT = "SELECT m.tenant_id, t.name AS tenant_name, m.user_id, m.role, m.created_at "
            + "FROM memberships m JOIN tenants t ON t.id = m.tenant_id ";

    private final DatabaseClient database;

    Memberships(DatabaseClient database) {
        this.database = database;
    }

    /** Adds the membership; an existing one is left as it is (accepting a second invite changes nothing). */
    public Mono<Boolean> add(UUID tenantId, UUID userId, Role role) {
        return database.sql("INSERT INTO memberships (tenant_id, user_id, role) VALUES (:tenant, :user, :role) "
                        + "ON CONFLICT DO NOTHING")
                .bind("tenant", tenantId).bind("user", userId).bind("role", role.name())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** The user's memberships, oldest first (the first is the default tenant at login). */
    public Flux<Membership> ofUser(UUID userId) {
        return database.sql(SELECT + "WHERE m.user_id = :user ORDER BY m.created_at, m.tenant_id")
                .bind("user", userId).map((row, meta) -> read(row)).all();
    }

    public Mono<Membership> find(UUID tenantId, UUID userId) {
        return database.sql(SELECT + "WHERE m.tenant_id = :tenant AND m.user_id = :user")
                .bind("tenant", tenantId).bind("user", userId).map((row, meta) -> read(row)).one();
    }

    public Flux<Membership> ofTenant(UUID tenantId) {
        return database.sql(SELECT + "WHERE m.tenant_id = :tenant ORDER BY m.created_at")
                .bind("tenant", tenantId).map((row, meta) -> read(row)).all();
    }

    static Membership read(io.r2dbc.spi.Readable row) {
        return new Membership(row.get("tenant_id", UUID.class), row.get("tenant_name", String.class),
                row.get("user_id", UUID.class), Role.valueOf(row.get("role", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
