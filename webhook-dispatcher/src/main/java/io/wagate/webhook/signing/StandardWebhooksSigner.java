package io.wagate.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
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

    private StandardWebhooksSigner() {
    }

    /** The {@code webhook-signature} header value for the given secrets (current first). */
    public static String signature(String webhookId, long timestampSeconds, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one secret is needed to sign");
        }
        byte[] signed = signedContent(webhookId, timestampSeconds, body);
        return secrets.stream().map(secret -> "v1," + hmac(secret, signed)).collect(Collectors.joining(" "));
    }

    private static byte[] signedContent(String webhookId, long timestampSeconds, byte[] body) {
        byte[] prefix = (webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private static String hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.keyOf(secret), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
