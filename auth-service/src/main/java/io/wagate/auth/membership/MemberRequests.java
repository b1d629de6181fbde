package io.wagate.auth.membership;

import io.wagate.auth.password.PasswordPolicy;
import io.wagate.auth.shared.Role;
import io.wagate.auth.shared.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the member endpoints. An unknown role name is an invalid-field-type problem (enum binding). */
final class MemberRequests {

    private MemberRequests() {
    }

    record Invite(
            @NotNull @Size(max = TextRules.MAX_EMAIL) @Pattern(regexp = TextRules.EMAIL,
                    message = "is not an email address") String email,
            @NotNull Role role) {
    }

    /** {@code name} is required only when the invite creates a new account. */
    record Accept(
            @NotBlank @Size(max = 100) String token,
            @Nullable @Size(min = 1, max = TextRules.MAX_NAME) @Pattern(regexp = TextRules.SINGLE_LINE,
                    message = TextRules.SINGLE_LINE_MESSAGE) String name,
            @NotNull @Size(min = 1, max = PasswordPolicy.MAX_LENGTH) String password) {
    }

    record ChangeRole(@NotNull Role role) {
    }
}
