package io.wagate.gateway.routing.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * Headers that describe one connection and must not be passed on by a proxy (RFC 9110, section 7.6.1): the fixed
 * ones, and whatever the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade");

    private final Set<String> named;

    private HopByHopHeaders(Set<String> named) {
        this.named = named;
    }

    static HopByHopHeaders of(HttpHeaders headers) {
        List<String> connection = headers.getConnection();
        if (connection.isEmpty()) {
            return new HopByHopHeaders(Set.of());
        }
        Set<String> named = new HashSet<>();
        for (String token : connection) {
            named.add(token.strip().toLowerCase(Locale.ROOT));
        }
        return new HopByHopHeaders(named);
    }

    boolean contains(String lowerCaseName) {
        return ALWAYS.contains(lowerCaseName) || named.contains(lowerCaseName);
    }
}
