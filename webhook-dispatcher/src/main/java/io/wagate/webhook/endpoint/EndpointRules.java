package io.wagate.webhook.endpoint;

import io.wagate.support.web.ApiProblem;
import io.wagate.webhook.WebhookProperties;
import io.wagate.webhook.event.PublicEventType;
import io.wagate.webhook.ssrf.ForbiddenAddressException;
import io.wagate.webhook.ssrf.SsrfGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Validation of endpoint URLs, event filters and custom headers. */
@Component
class EndpointRules {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_HEADERS = 20;
    static final int MAX_HEADER_VALUE = 1024;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    /** Hop-by-hop headers (RFC 9110 7.6.1), the ones the client computes, and credentials the platform must not forge. */
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "host", "authorization", "content-length", "content-type", "content-encoding", "expect", "cookie",
            "user-agent");

    private final WebhookProperties properties;
    private final SsrfGuard guard;

    EndpointRules(WebhookProperties properties, SsrfGuard guard) {
        this.properties = properties;
        this.guard = guard;
    }

    /** The URL, checked for form and (with a DNS lookup off the event loop) for the addresses it reaches. */
    Mono<String> url(String url) {
        URI uri = parse(url);
        String host = uri.getHost();
        return Mono.fromCallable(() -> guard.resolve(host))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(ForbiddenAddressException.class, e -> WebhookProblems.forbiddenAddress(host))
                .onErrorMap(UnknownHostException.class,
                        e -> WebhookProblems.invalidUrl("The host " + host + " does not resolve"))
                .thenReturn(uri.toString());
    }

    private URI parse(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw WebhookProblems.invalidUrl("The URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw WebhookProblems.invalidUrl("The URL is not valid: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            throw WebhookProblems.invalidUrl("The URL must be absolute with a host name");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw WebhookProblems.invalidUrl("The URL must not contain credentials or a fragment");
        }
        boolean secure = scheme.equals("https");
        if (!secure && !(scheme.equals("http") && properties.insecureAllowed(host))) {
            throw WebhookProblems.invalidUrl("The URL must use https");
        }
        return uri;
    }

    static List<String> eventTypes(List<String> requested) {
        if (requested.isEmpty() || requested.size() > 20) {
            throw ApiProblem.invalid("eventTypes needs 1 to 20 entries");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || !(type.equals(PublicEventType.ALL) || PublicEventType.fromWire(type).isPresent())) {
                throw ApiProblem.invalid("Unknown event type " + type + "; use * or one of "
                        + Arrays.stream(PublicEventType.values()).map(PublicEventType::wire).toList());
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    static Map<String, String> headers(Map<String, String> requested) {
        if (requested.size() > MAX_HEADERS) {
            throw ApiProblem.invalid("At most " + MAX_HEADERS + " custom headers");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        requested.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw ApiProblem.invalid("Header name " + name + " is not a valid HTTP token of up to 64 characters");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (FORBIDDEN_HEADERS.contains(lower) || lower.startsWith("webhook-")) {
                throw WebhookProblems.forbiddenHeader(name);
            }
            if (value == null || value.length() > MAX_HEADER_VALUE || value.chars().anyMatch(c -> c < 0x20 && c != '\t'
                    || c == 0x7f)) {
                throw ApiProblem.invalid("Header " + name + " needs a value of up to " + MAX_HEADER_VALUE
                        + " characters without control characters");
            }
            headers.put(name, value);
        });
        return headers;
    }
}
