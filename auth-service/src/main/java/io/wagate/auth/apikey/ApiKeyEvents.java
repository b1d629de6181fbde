package io.wagate.auth.apikey;

import io.wagate.auth.apikey.internal.ApiKeyRow;
import io.wagate.auth.audit.AuditEntry;
import io.wagate.auth.audit.AuditLog;
import io.wagate.auth.audit.AuditType;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.ApiKeyCreated;
import io.wagate.contracts.platform.ApiKeyRevoked;
import io.wagate.support.outbox.Outbox;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Announces key changes through the outbox and the audit log, inside the caller's transaction. */
@Component
class ApiKeyEvents {

    private static final String SOURCE = "/auth-service";

    private final Outbox outbox;
    private final AuditLog audit;

    ApiKeyEvents(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    Mono<Void> created(ApiKeyRow key, String actor, @Nullable String ip, Map<String, ?> extra) {
        Map<String, Object> details = new java.util.HashMap<>(extra);
        details.put("keyId", key.id().toString());
        details.put("prefix", key.prefix());
        details.put("instanceId", key.instanceId().toString());
        details.put("scopes", key.scopes());
        return outbox.append(Topics.API_KEY_EVENTS, key.tenantId().toString(), CloudEvent.create(SOURCE,
                        key.tenantId().toString(), key.instanceId().toString(), null,
                        new ApiKeyCreated(key.id(), key.tenantId(), key.instanceId(), key.prefix(), key.scopes())))
                .then(audit.record(new AuditEntry(key.tenantId(), actor, AuditType.API_KEY_CREATED, ip, details)));
    }

    Mono<Void> revoked(ApiKeyRow key, String reason, String actor, @Nullable String ip) {
        return outbox.append(Topics.API_KEY_EVENTS, key.tenantId().toString(), CloudEvent.create(SOURCE,
                        key.tenantId().toString(), key.instanceId().toString(), null,
                        new ApiKeyRevoked(key.id(), key.tenantId(), key.instanceId(), key.prefix(), reason)))
                .then(audit.record(new AuditEntry(key.tenantId(), actor, AuditType.API_KEY_REVOKED, ip,
                        Map.of("keyId", key.id().toString(), "prefix", key.prefix(), "reason", reason))));
    }
}
