package io.wagate.testsupport.bench;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@code GET} the load generator sends over and over.
 *
 * @param uri an {@code http} URI
 * @param headers asked for each request, so a credential that is renewed while the load runs (an internal token)
 *     stays valid
 */
public record LoadRequest(URI uri, Supplier<Map<String, String>> headers) {

    public LoadRequest {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http URIs: " + uri);
        }
    }

    /** The same headers on every request. */
    public static LoadRequest get(URI uri, Map<String, String> headers) {
        Map<String, String> fixed = Map.copyOf(headers);
        return new LoadRequest(uri, () -> fixed);
    }

    String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    String hostHeader() {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
