package io.wagate.sandbox.chat;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Deliberate corruption of a phone's pair-success, to prove the companion rejects it. */
public enum Tamper {
    NONE,
    /** HMAC computed with a wrong ADV secret. */
    HMAC,
    /** Account signature made by a key other than the one announced. */
    ACCOUNT_SIGNATURE;

    public static Tamper parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.wagate.sandbox.api.ApiException(400, "tamper must be hmac or account-signature");
        }
    }
}
