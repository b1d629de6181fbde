package io.wagate.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The {@code Retry-After} header (RFC 9110 10.2.3): delay seconds or an HTTP date; anything else is ignored. */
final class RetryAfter {

    /** Longer requests are capped: an endpoint cannot park a job beyond the schedule's reach. */
    static final Duration MAX = Duration.ofHours(24);

    private RetryAfter() {
    }

    static @Nullable Duration parse(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        Duration delay;
        if (trimmed.chars().allMatch(Character::isDigit)) {
            if (trimmed.length() > 9) {
                return MAX;
            }
            delay = Duration.ofSeconds(Long.parseLong(trimmed));
        } else {
            try {
                delay = Duration.between(now, ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (delay.isNegative() || delay.isZero()) {
            return null;
        }
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
