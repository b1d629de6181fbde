package io.wagate.support.web;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** Request id rules: accepted from the caller when well-formed, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Key in the Reactor context and in the logging MDC. */
    public static final String CONTEXT_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** The caller's id when it is safe to log and echo (no spaces, no control characters, bounded), else null. */
    public static @Nullable String acceptable(@Nullable String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : null;
    }

    public static String generate() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** The id of the exchange, or null before {@link RequestIdWebFilter} ran. */
    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
