package io.wagate.webhook.delivery;

import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.event.PublicEventType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The filters the delivery log and range replays share, checked the same way for both. */
final class DeliveryFilters {

    private DeliveryFilters() {
    }

    /** {@code succeeded} (a 2xx answer) is true, {@code failed} false, absent null; anything else is refused. */
    static @Nullable Boolean outcome(@Nullable String outcome) {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case "succeeded" -> true;
            case "failed" -> false;
            default -> throw ApiProblem.invalid("outcome must be succeeded or failed");
        };
    }

    /** Public event types to keep; empty for all (absent, or containing {@code *}). */
    static List<String> types(@Nullable List<String> requested) {
        if (requested == null || requested.contains(PublicEventType.ALL)) {
            return List.of();
        }
        for (String type : requested) {
            if (type == null || PublicEventType.fromWire(type).isEmpty()) {
                throw ApiProblem.invalid("Unknown event type " + type);
            }
        }
        return List.copyOf(requested);
    }

    /** An ISO-8601 instant such as {@code 2026-11-21T10:15:30Z}, or null when absent. */
    static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name + " must be an ISO-8601 instant such as 2026-11-21T10:15:30Z");
        }
    }
}
