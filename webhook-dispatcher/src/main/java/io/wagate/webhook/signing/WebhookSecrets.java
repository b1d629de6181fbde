package io.wagate.webhook.signing;

import java.security.SecureRandom;
import java.util.Base64;

/** Endpoint secrets in the Standard Webhooks form: {@code whsec_} followed by Base64 of 24 random bytes. */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final int BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the Base64 part decoded (the prefix is optional, as receivers' libraries accept). */
    public static byte[] keyOf(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
