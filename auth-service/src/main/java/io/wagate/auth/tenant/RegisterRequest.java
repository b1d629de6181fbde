package io.wagate.auth.tenant;

import io.wagate.auth.password.PasswordPolicy;
import io.wagate.auth.shared.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sign-up form. */
record RegisterRequest(
        @NotNull @Size(max = TextRules.MAX_EMAIL) @Pattern(regexp = TextRules.EMAIL, message = "is not an email address")
        String email,
        @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
        @NotBlank @Size(max = TextRules.MAX_NAME) @Pattern(regexp = TextRules.SINGLE_LINE,
                message = TextRules.SINGLE_LINE_MESSAGE) String name,
        @NotBlank @Size(max = TextRules.MAX_NAME) @Pattern(regexp = TextRules.SINGLE_LINE,
                message = TextRules.SINGLE_LINE_MESSAGE) String organization) {
}
