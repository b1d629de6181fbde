package io.wagate.auth.apikey;

import io.wagate.auth.apikey.internal.ApiKeyStore;
import io.wagate.auth.audit.AuditEntry;
import io.wagate.auth.audit.AuditLog;
import io.wagate.auth.audit.AuditType;
import io.wagate.auth.shared.Periodic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Buffers key uses in memory (latest time per key) and writes them periodically, so introspection never waits
 * for a write. A crash loses at most one interval of last-use times, which are informational. The first recorded
 * use of a key is audited.
 */
@Component
public class LastUsedRecorder implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final ConcurrentHashMap<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final ApiKeyStore keys;
    private final AuditLog audit;
    private final TransactionalOperator transactions;
    private final ApiKeyProperties properties;
    private Disposable schedule = () -> { };

    LastUsedRecorder(ApiKeyStore keys, AuditLog audit, TransactionalOperator transactions,
            ApiKeyProperties properties) {
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    void record(UUID keyId, Instant at) {
        pending.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes everything buffered so far; each key in its own short transaction. */
    public Mono<Void> flush() {
        return Flux.fromIterable(pending.keySet())
                .concatMap(id -> {
                    Instant at = pending.remove(id);
                    if (at == null) {
                        return Mono.empty();
                    }
                    return transactions.transactional(keys.touch(id, at)
                            .flatMap(tenant -> audit.record(new AuditEntry(tenant, "key:" + id,
                                    AuditType.API_KEY_FIRST_USED, null, Map.of("keyId", id.toString(),
                                            "at", at.toString())))));
                })
                .then();
    }

    /** Starts once the application is ready: the schema is migrated by then. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        schedule = Periodic.every(properties.lastUsedFlushInterval(), "api-key-last-used", this::flush);
    }

    @Override
    public void destroy() {
        schedule.dispose();
        try {
            flush().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("Could not write the last use of {} API keys at shutdown: {}", pending.size(), e.toString());
        }
    }
}
