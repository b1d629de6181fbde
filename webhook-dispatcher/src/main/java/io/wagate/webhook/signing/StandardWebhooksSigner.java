package io.wagate.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests as the Standard Webhooks specification describes: HMAC-SHA256 with the decoded secret
 * over {@code <webhook-id>.<webhook-timestamp>.<body>}, sent as {@code v1,<base64>}. During a secret rotation one
 * signature per valid secret is sent, space-separated, so receivers verify with either secret.
 */
public final class StandardWebhooksSigner {

    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    private static final String ALGORITHM = "HmacSHA256";

    private StandardWebhooksSigner() {
    }

    /** The {@code webhook-signature} header value for the given secrets (current first). */
    public static String signature(String webhookId, long timestampSeconds, byte[] body, List<String> secrets) {
        return prepare(secrets).signature(webhookId, timestampSeconds, body);
    }

    /** Signing keys set up once for many requests (setting up an HMAC key costs as much as signing a small body). */
    public static Prepared prepare(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one secret is needed to sign");
        }
        List<Mac> macs = new ArrayList<>(secrets.size());
        try {
            for (String secret : secrets) {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(WebhookSecrets.keyOf(secret), ALGORITHM));
                macs.add(mac);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
        return new Prepared(List.copyOf(macs));
    }

    /** Initialised keys; each signature works on a copy, so one instance may be used from many threads. */
    public static final class Prepared {

        private final List<Mac> keys;

        private Prepared(List<Mac> keys) {
            this.keys = keys;
        }

        public String signature(String webhookId, long timestampSeconds, byte[] body) {
            byte[] prefix = (webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
            StringBuilder header = new StringBuilder(keys.size() * 48);
            for (Mac key : keys) {
                Mac mac = copy(key);
                mac.update(prefix);
                mac.update(body);
                if (!header.isEmpty()) {
                    header.append(' ');
                }
                header.append("v1,").append(Base64.getEncoder().encodeToString(mac.doFinal()));
            }
            return header.toString();
        }

        private static Mac copy(Mac key) {
            try {
                return (Mac) key.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(ALGORITHM + " keys cannot be copied", e);
            }
        }
    }
}
