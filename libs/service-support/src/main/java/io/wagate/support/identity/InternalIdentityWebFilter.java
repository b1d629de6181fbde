package io.wagate.support.identity;

import io.wagate.support.web.ApiProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Lets a request to a protected path through only with a valid internal token, and makes its identity available
 * to controllers. Runs right after the request id filter, before anything else reads the request.
 */
public final class InternalIdentityWebFilter implements WebFilter, Ordered {

    static final String ATTRIBUTE = InternalIdentity.class.getName();

    private final InternalTokenVerifier verifier;
    private final List<PathPattern> protectedPaths;
    private final List<PathPattern> publicPaths;

    public InternalIdentityWebFilter(InternalTokenVerifier verifier, List<String> protectedPaths, List<String> publicPaths) {
        this.verifier = verifier;
        this.protectedPaths = protectedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        @Nullable String token = exchange.getRequest().getHeaders().getFirst(InternalTokens.HEADER);
        boolean isProtected = protectedPaths.stream().anyMatch(pattern -> pattern.matches(path))
                && publicPaths.stream().noneMatch(pattern -> pattern.matches(path));
        if (!isProtected) {
            // A public path may still carry an identity (a signed-in user calling it): use it when it is valid.
            if (token != null && !token.isBlank()) {
                try {
                    exchange.getAttributes().put(ATTRIBUTE, verifier.verify(token));
                    prepareNext(exchange);
                } catch (InvalidInternalTokenException ignored) {
                    // anonymous then
                }
            }
            return chain.filter(exchange);
        }
        if (token == null || token.isBlank()) {
            return Mono.error(ApiProblem.unauthorized("The request did not come through the gateway"));
        }
        InternalIdentity identity;
        try {
            identity = verifier.verify(token);
        } catch (InvalidInternalTokenException e) {
            return Mono.error(ApiProblem.unauthorized("The request's internal identity is not valid"));
        }
        exchange.getAttributes().put(ATTRIBUTE, identity);
        prepareNext(exchange);
        return chain.filter(exchange);
    }

    /** Hands the successor that the gateway announced with a valid token to the verifier. */
    private void prepareNext(ServerWebExchange exchange) {
        @Nullable String next = exchange.getRequest().getHeaders().getFirst(InternalTokens.NEXT_HEADER);
        if (next != null && !next.isBlank()) {
            verifier.prepare(next);
        }
    }

    /** The identity of a request that passed this filter. */
    public static @Nullable InternalIdentity of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** A constant: Spring's filter chain names every request's checkpoint after it. */
    @Override
    public String toString() {
        return "InternalIdentityWebFilter";
    }
}
