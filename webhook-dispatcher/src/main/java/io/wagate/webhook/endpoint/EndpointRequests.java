package io.wagate.webhook.endpoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request bodies of the endpoint API. Unknown fields are refused by the platform's strict JSON binding. */
public final class EndpointRequests {

    /** A week: long enough for any deployment of a receiver, short enough that a leaked old secret dies. */
    static final int MAX_OVERLAP_SECONDS = 7 * 24 * 3600;

    private EndpointRequests() {
    }

    /**
     * {@code POST /api/webhooks/endpoints}.
     *
     * @param instance the instance name
     * @param url where to deliver (https)
     * @param eventTypes public event types or {@code *}
     * @param headers custom headers sent with every delivery
     */
    public record Create(@NotNull @Nullable String instance, @NotNull @Nullable String url,
            @NotNull @Nullable List<String> eventTypes, @Nullable Map<String, String> headers) {
    }

    /** {@code PATCH /api/webhooks/endpoints/{id}}: absent fields stay as they are. */
    public record Update(@Nullable String url, @Nullable List<String> eventTypes, @Nullable Boolean enabled,
            @Nullable Map<String, String> headers) {
    }

    /** {@code POST /api/webhooks/endpoints/{id}/rotate-secret}: how long the old secret keeps being used too. */
    public record Rotate(@NotNull @PositiveOrZero @Max(MAX_OVERLAP_SECONDS) @Nullable Integer overlapSeconds) {
    }
}
