package io.wagate.instance.instance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the instance endpoints. Unknown fields are refused by the platform's strict JSON binding. */
public final class InstanceRequests {

    static final String NAME_RULE = "must be 3-40 lowercase letters, digits or inner hyphens";

    private InstanceRequests() {
    }

    /**
     * {@code POST /api/instances}.
     *
     * @param name the slug that names the instance in URLs
     * @param description free text for humans
     * @param engine {@code web} (WhatsApp) or {@code sandbox}
     */
    public record Create(
            @NotNull @Pattern(regexp = InstanceNames.PATTERN, message = NAME_RULE) @Nullable String name,
            @Size(max = 500) @Nullable String description,
            @NotNull @Pattern(regexp = "web|sandbox", message = "must be web or sandbox") @Nullable String engine) {
    }

    /**
     * {@code PATCH /api/instances/{name}}: absent fields stay as they are; an empty description clears it.
     *
     * @param name a new name (URLs change with it)
     * @param description new description
     */
    public record Update(
            @Pattern(regexp = InstanceNames.PATTERN, message = NAME_RULE) @Nullable String name,
            @Size(max = 500) @Nullable String description) {
    }
}
