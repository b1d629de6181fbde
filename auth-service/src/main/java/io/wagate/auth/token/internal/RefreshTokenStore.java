package io.wagate.auth.token.internal;

import io.wagate.auth.shared.Ids;
import io.wagate.auth.shared.Secrets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Refresh tokens by SHA-256 hash. The raw token exists only in the answer to the client. */
@Component
public class RefreshTokenStore {

    private final DatabaseClient database;

    RefreshTokenStore(DatabaseClient database) {
        this.database = database;
    }

    /** A stored token. */
    public record StoredToken(UUID id, UUID familyId, UUID userId, UUID tenantId, Instant expiresAt,
            @Nullable Instant rotatedAt, @Nullable Instant revokedAt) {
    }

    /** Stores a new token of the family and answers the raw value. */
    public Mono<String> issue(UUID familyId, UUID userId, UUID tenantId, Instant expiresAt) {
        String token = Secrets.opaqueToken();
        return database.sql("INSERT INTO refresh_tokens (id, family_id, user_id, tenant_id, token_hash, expires_at) "
                        + "VALUES (:id, :family, :user, :tenant, :hash, :expires)")
                .bind("id", Ids.newId()).bind("family", familyId).bind("user", userId).bind("tenant", tenantId)
                .bind("hash", Secrets.sha256(token)).bind("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .then().thenReturn(token);
    }

    public Mono<StoredToken> find(String token) {
        return database.sql("SELECT id, family_id, user_id, tenant_id, expires_at, rotated_at, revoked_at "
                        + "FROM refresh_tokens WHERE token_hash = :hash")
                .bind("hash", Secrets.sha256(token))
                .map((row, meta) -> new StoredToken(row.get("id", UUID.class), row.get("family_id", UUID.class),
                        row.get("user_id", UUID.class), row.get("tenant_id", UUID.class),
                        row.get("expires_at", OffsetDateTime.class).toInstant(),
                        instant(row.get("rotated_at", OffsetDateTime.class)),
                        instant(row.get("revoked_at", OffsetDateTime.class))))
                .one();
    }

    /** Marks the token used; false when another request used it first (that is reuse as well). */
    public Mono<Boolean> markRotated(UUID id) {
        return database.sql("UPDATE refresh_tokens SET rotated_at = now() "
                        + "WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Long> revokeFamily(UUID familyId) {
        return database.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
                .bind("family", familyId).fetch().rowsUpdated();
    }

    /** Deletes tokens that expired more than {@code grace} ago; answers how many. */
    public Mono<Long> deleteExpiredBefore(java.time.Duration grace) {
        return database.sql("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
                .bind("cutoff", Instant.now().minus(grace).atOffset(ZoneOffset.UTC)).fetch().rowsUpdated();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
