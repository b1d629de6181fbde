package io.wagate.support.web;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.server.ServerWebExchange;

/** Request id rules: accepted from the caller when well-formed, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Key in the Reactor context and in the logging MDC. */
    public static final String CONTEXT_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{8,128}");
    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();

    private RequestIds() {
    }

    /** The caller's id when it is safe to log and echo (no spaces, no control characters, bounded), else null. */
    public static @Nullable String acceptable(@Nullable String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : null;
    }

    /** A request id correlates log lines; it is no secret, so a fast non-cryptographic source is enough. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /**
     * Puts the request id on a log line written where the MDC may not have it: with the platform's
     * {@code spring.reactor.context-propagation=limited}, code outside {@code handle}/{@code tap} sees no
     * request-scoped MDC. The field has the MDC entry's name, so the line looks the same either way.
     */
    public static LoggingEventBuilder onLogLine(LoggingEventBuilder line, @Nullable String requestId) {
        return requestId == null || MDC.get(CONTEXT_KEY) != null ? line : line.addKeyValue(CONTEXT_KEY, requestId);
    }

    /** The id of the exchange, or null before {@link RequestIdWebFilter} ran. */
    public static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
