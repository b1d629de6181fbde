package io.wagate.gateway.routing.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers that describe one connection and must not be passed on by a proxy (RFC 9110, section 7.6.1): the fixed
 * ones, and whatever the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-authorization", "proxy-authenticate", "proxy-connection", "x-application-context", "upgrade");
    private static final HopByHopHeaders FIXED = new HopByHopHeaders(Set.of());

    private final Set<String> named;

    private HopByHopHeaders(Set<String> named) {
        this.named = named;
    }

    /** The hop-by-hop headers of a message whose {@code Connection} header lines are these. */
    static HopByHopHeaders of(List<String> connectionLines) {
        if (connectionLines.isEmpty()) {
            return FIXED;
        }
        Set<String> named = new HashSet<>();
        for (String line : connectionLines) {
            for (String token : line.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    named.add(name);
                }
            }
        }
        return new HopByHopHeaders(named);
    }

    boolean contains(String lowerCaseName) {
        return ALWAYS.contains(lowerCaseName) || named.contains(lowerCaseName);
    }
}
