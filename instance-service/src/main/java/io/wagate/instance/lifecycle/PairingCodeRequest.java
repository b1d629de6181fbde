package io.wagate.instance.lifecycle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/instances/{name}/pairing-code}.
 *
 * @param phoneNumber the number that will enter the code: international format, digits with country code, an
 *        optional leading +
 */
public record PairingCodeRequest(
        @NotNull @Pattern(regexp = "^\\+?[1-9][0-9]{7,14}$", message = "must be an international number, 8-15 digits")
        @Nullable String phoneNumber) {

    String digits() {
        return String.valueOf(phoneNumber).replace("+", "");
    }
}
