package io.wagate.instance.logs;

import io.wagate.contracts.session.LogLevel;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/instances/{name}/logs?level=&from=&to=&limit=}: newest lines first. */
@RestController
class LogsController {

    /** The answer: the lines, newest first. */
    record LogPage(List<LogLine> items) {
    }

    private final ConnectionLogs logs;
    private final LogsProperties properties;

    LogsController(ConnectionLogs logs, LogsProperties properties) {
        this.logs = logs;
        this.properties = properties;
    }

    @GetMapping("/api/instances/{name}/logs")
    Mono<LogPage> logs(InternalIdentity identity, @PathVariable String name,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = limit == null ? properties.defaultLimit() : limit;
        if (size < 1 || size > properties.maxLimit()) {
            throw ApiProblem.invalid("limit must be between 1 and " + properties.maxLimit());
        }
        return logs.find(identity, name, level(level), instant("from", from), instant("to", to), size)
                .map(LogPage::new);
    }

    private static LogLevel level(@Nullable String value) {
        if (value == null) {
            return LogLevel.DEBUG;
        }
        try {
            return LogLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("level must be DEBUG, INFO, WARN or ERROR");
        }
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name + " must be an ISO-8601 instant, e.g. 2026-11-21T10:15:30Z");
        }
    }
}
