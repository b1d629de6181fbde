package io.wagate.instance.logs;

import io.wagate.contracts.session.ConnectionLogged;
import io.wagate.contracts.session.LogLevel;
import io.wagate.instance.instance.InstanceAccess;
import io.wagate.instance.instance.Instances;
import io.wagate.instance.logs.internal.LogRows;
import io.wagate.support.identity.InternalIdentity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Stores, serves and purges connection log lines. */
@Service
public class ConnectionLogs {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLogs.class);
    private static final int MAX_MESSAGE = 2000;

    private final LogRows rows;
    private final Instances instances;
    private final LogsProperties properties;

    ConnectionLogs(LogRows rows, Instances instances, LogsProperties properties) {
        this.rows = rows;
        this.instances = instances;
        this.properties = properties;
    }

    /** Stores a line from a session event (bounded in length, so one chatty line cannot bloat the table). */
    public Mono<Boolean> record(UUID tenantId, UUID instanceId, ConnectionLogged line) {
        String message = line.message().length() <= MAX_MESSAGE ? line.message()
                : line.message().substring(0, MAX_MESSAGE) + "…";
        return rows.insert(tenantId, instanceId, line.sequence(), line.level(), message, line.at());
    }

    Mono<List<LogLine>> find(InternalIdentity identity, String name, LogLevel minimum, @Nullable Instant from,
            @Nullable Instant to, int limit) {
        return instances.find(identity, name, InstanceAccess.Permission.READ)
                .flatMap(instance -> rows.find(instance.id(), minimum, from, to, limit).collectList());
    }

    /** Deletes lines past the retention age, then the oldest lines of instances above the per-instance cap. */
    public Mono<Long> purge() {
        return rows.deleteOlderThan(Instant.now().minus(properties.retention()))
                .zipWith(rows.trimPerInstance(properties.maxLinesPerInstance()), Long::sum);
    }

    @Scheduled(fixedDelayString = "${wagate.instances.logs.purge-interval:1h}",
            initialDelayString = "${wagate.instances.logs.purge-interval:1h}")
    void purgeRegularly() {
        try {
            Long removed = purge().block();
            log.debug("Purged {} connection log lines", removed);
        } catch (RuntimeException e) {
            log.warn("Connection log purge failed, retrying at the next interval: {}", e.toString());
        }
    }
}
