package io.wagate.auth.token;

import io.wagate.auth.password.PasswordPolicy;
import io.wagate.auth.shared.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The request bodies of the token endpoints. */
final class LoginRequests {

    private LoginRequests() {
    }

    /**
     * Sign-in. The password is only bounded, not checked against the policy: the policy may have changed since it
     * was set. {@code tenantId} picks one of several memberships (default: the oldest).
     */
    record Login(
            @NotNull @Size(max = TextRules.MAX_EMAIL) @Pattern(regexp = TextRules.EMAIL,
                    message = "is not an email address") String email,
            @NotNull @Size(min = 1, max = PasswordPolicy.MAX_LENGTH) String password,
            @Nullable UUID tenantId) {
    }

    /** Refresh or logout. */
    record Refresh(@NotBlank @Size(max = 100) String refreshToken) {
    }
}
