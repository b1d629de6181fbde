package io.wagate.gateway.authentication.internal;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** The {@code METHOD /path} patterns anonymous callers may use. */
public final class PublicEndpoints {

    private record Endpoint(HttpMethod method, PathPattern path) {
    }

    private final List<Endpoint> endpoints;

    public PublicEndpoints(List<String> definitions) {
        this.endpoints = definitions.stream().map(PublicEndpoints::parse).toList();
    }

    public boolean matches(ServerHttpRequest request) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method().equals(request.getMethod())
                    && endpoint.path().matches(request.getPath().pathWithinApplication())) {
                return true;
            }
        }
        return false;
    }

    private static Endpoint parse(String definition) {
        String[] parts = definition.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("A public endpoint is 'METHOD /path', not '" + definition + "'");
        }
        return new Endpoint(HttpMethod.valueOf(parts[0]), PathPatternParser.defaultInstance.parse(parts[1]));
    }
}
