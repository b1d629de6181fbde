package io.wagate.auth.apikey;

import io.wagate.auth.shared.TextRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request bodies of the API-key endpoints. */
final class ApiKeyRequests {

    private ApiKeyRequests() {
    }

    record Create(
            @NotNull UUID instanceId,
            @NotBlank @Size(max = TextRules.MAX_NAME) @Pattern(regexp = TextRules.SINGLE_LINE,
                    message = TextRules.SINGLE_LINE_MESSAGE) String name,
            @NotEmpty @Size(max = 10) List<@NotNull @Size(max = 40) String> scopes,
            @Nullable Instant expiresAt) {
    }

    /** The old key stays valid for {@code overlapSeconds} (0 = revoke now); bounded by the configured maximum. */
    record Rotate(@NotNull @Min(0) @Max(31_536_000) Long overlapSeconds) {
    }

    record Introspect(@NotNull @Size(max = 200) String key) {
    }
}
