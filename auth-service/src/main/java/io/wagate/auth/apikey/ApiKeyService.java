package io.wagate.auth.apikey;

import io.wagate.auth.apikey.internal.ApiKeyRow;
import io.wagate.auth.apikey.internal.ApiKeyStore;
import io.wagate.auth.apikey.internal.InstanceProjection;
import io.wagate.auth.apikey.internal.KeyFormat;
import io.wagate.auth.audit.AuditEntry;
import io.wagate.auth.audit.AuditLog;
import io.wagate.auth.audit.AuditType;
import io.wagate.auth.shared.Ids;
import io.wagate.auth.shared.Secrets;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Key lifecycle. Every lookup is by (tenant, id), so another tenant's key is simply not found (404). Revocations
 * emit ApiKeyRevoked in the transaction that revokes, so the gateway's cache eviction cannot be lost.
 */
@Service
class ApiKeyService {

    private final ApiKeyStore keys;
    private final InstanceProjection instances;
    private final ApiKeyEvents events;
    private final AuditLog audit;
    private final ApiKeyProperties properties;
    private final TransactionalOperator transactions;

    ApiKeyService(ApiKeyStore keys, InstanceProjection instances, ApiKeyEvents events, AuditLog audit,
            ApiKeyProperties properties, TransactionalOperator transactions) {
        this.keys = keys;
        this.instances = instances;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
    }

    Mono<ApiKeyViews.Created> create(InternalIdentity caller, ApiKeyRequests.Create request, String ip) {
        List<String> scopes = ApiKeyScopes.normalize(request.scopes());
        Instant now = Instant.now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ApiProblem.invalid("expiresAt: must be in the future");
        }
        return transactions.transactional(instances.ofTenant(caller.tenantId(), request.instanceId())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The instance")))
                .flatMap(instance -> issue(caller.tenantId(), instance.id(), "sandbox".equals(instance.engine()),
                        request.name().strip(), scopes, request.expiresAt(), null, caller.actor(), ip, Map.of())));
    }

    private Mono<ApiKeyViews.Created> issue(UUID tenantId, UUID instanceId, boolean sandbox, String name,
            List<String> scopes, @Nullable Instant expiresAt, @Nullable UUID replaces, String actor, String ip,
            Map<String, ?> auditDetails) {
        KeyFormat.NewKey key = KeyFormat.generate(sandbox ? "test" : "live");
        UUID id = Ids.newId();
        return keys.insert(id, tenantId, instanceId, name, key, Secrets.sha256(key.value()), scopes, actor, expiresAt,
                        replaces)
                .then(keys.inTenant(tenantId, id))
                .flatMap(row -> events.created(row, actor, ip, auditDetails)
                        .thenReturn(new ApiKeyViews.Created(key.value(), ApiKeyViews.ApiKey.of(row, Instant.now()))));
    }

    Flux<ApiKeyViews.ApiKey> list(UUID tenantId, @Nullable UUID instanceId) {
        Instant now = Instant.now();
        return keys.ofTenant(tenantId, instanceId).map(row -> ApiKeyViews.ApiKey.of(row, now));
    }

    Mono<ApiKeyViews.ApiKey> get(UUID tenantId, UUID id) {
        return found(keys.inTenant(tenantId, id)).map(row -> ApiKeyViews.ApiKey.of(row, Instant.now()));
    }

    /** Idempotent: revoking a revoked key changes nothing and emits nothing. */
    Mono<Void> revoke(InternalIdentity caller, UUID id, String ip) {
        return transactions.transactional(found(keys.lockInTenant(caller.tenantId(), id))
                .flatMap(row -> keys.revoke(row.id(), "revoked")
                        .flatMap(revoked -> events.revoked(revoked, "revoked", caller.actor(), ip))));
    }

    /**
     * A new key with the same instance, name, scopes and expiry; the old one stays valid for the overlap (the
     * retirement job revokes and announces it afterwards), or is revoked now when the overlap is zero.
     */
    Mono<ApiKeyViews.Created> rotate(InternalIdentity caller, UUID id, long overlapSeconds, String ip) {
        Duration overlap = Duration.ofSeconds(overlapSeconds);
        if (overlap.compareTo(properties.maxOverlap()) > 0) {
            throw ApiProblem.invalid("overlapSeconds: must be at most " + properties.maxOverlap().toSeconds());
        }
        Instant now = Instant.now();
        return transactions.transactional(found(keys.lockInTenant(caller.tenantId(), id))
                .flatMap(old -> {
                    if (!old.activeAt(now) || old.retireAt() != null) {
                        return Mono.error(ApiProblem.conflict("Only an active key that is not already being "
                                + "rotated can be rotated"));
                    }
                    Mono<Void> retireOld = overlap.isZero()
                            ? keys.revoke(old.id(), "rotated").flatMap(r -> events.revoked(r, "rotated", caller.actor(), ip))
                            : keys.retireAt(old.id(), now.plus(overlap));
                    return retireOld
                            .then(audit.record(new AuditEntry(caller.tenantId(), caller.actor(), AuditType.API_KEY_ROTATED,
                                    ip, Map.of("keyId", old.id().toString(), "overlapSeconds", overlapSeconds))))
                            .then(issue(old.tenantId(), old.instanceId(), "test".equals(old.environment()), old.name(),
                                    old.scopes(), old.expiresAt(), old.id(), caller.actor(), ip,
                                    Map.of("rotatedFrom", old.id().toString())));
                }));
    }

    /** Revokes and announces keys whose overlap has ended; run periodically. */
    Mono<Long> revokeRetired() {
        return transactions.transactional(keys.revokeRetired()
                .concatMap(row -> events.revoked(row, "rotated", "system", null).thenReturn(row))
                .count());
    }

    /** An instance was deleted: its keys stop working, each announced. */
    Mono<Void> instanceDeleted(UUID instanceId) {
        return keys.revokeForInstance(instanceId, "instance_deleted")
                .concatMap(row -> events.revoked(row, "instance_deleted", "system", null))
                .then();
    }

    private static Mono<ApiKeyRow> found(Mono<ApiKeyRow> row) {
        return row.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The API key")));
    }
}
