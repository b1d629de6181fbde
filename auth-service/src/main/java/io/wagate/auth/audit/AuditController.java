package io.wagate.auth.audit;

import io.wagate.auth.audit.internal.AuditQuery;
import io.wagate.auth.shared.Callers;
import io.wagate.auth.shared.Role;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/auth/audit}: the caller's tenant's audit trail, for its OWNERs and ADMINs. */
@RestController
class AuditController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final AuditQuery query;

    AuditController(AuditQuery query) {
        this.query = query;
    }

    /** One page; {@code nextCursor} is null on the last page. */
    record AuditPage(List<AuditQuery.Entry> items, @Nullable String nextCursor) {
    }

    @GetMapping("/api/auth/audit")
    Mono<AuditPage> audit(InternalIdentity identity, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Callers.userWithRole(identity, Role.OWNER, Role.ADMIN);
        if (type != null && AuditType.fromWire(type).isEmpty()) {
            throw badParameter("type", "is not a known audit type");
        }
        int size = limit == null ? DEFAULT_LIMIT : parseLimit(limit);
        AuditQuery.Filter filter = new AuditQuery.Filter(identity.tenantId(), instant("from", from),
                instant("to", to), type, size, cursorOf(cursor));
        return query.page(filter).map(items -> new AuditPage(items,
                items.size() == size ? items.getLast().id().toString() : null));
    }

    private static int parseLimit(String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw badParameter("limit", "must be a number from 1 to " + MAX_LIMIT);
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badParameter(name, "must be an ISO-8601 instant such as 2026-11-21T10:15:30Z");
        }
    }

    private static @Nullable UUID cursorOf(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw badParameter("cursor", "is not a cursor this endpoint returned");
        }
    }

    private static ApiProblem badParameter(String name, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                "Query parameter '" + name + "' " + message);
    }
}
