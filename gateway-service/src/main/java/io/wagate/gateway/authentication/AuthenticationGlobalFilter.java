package io.wagate.gateway.authentication;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.GatewayFilterOrder;
import io.wagate.gateway.GatewayProblems;
import io.wagate.gateway.RequestEventLoop;
import io.wagate.gateway.TwoTagCounter;
import io.wagate.gateway.apikey.ApiKeyGrant;
import io.wagate.gateway.apikey.ApiKeyVerification;
import io.wagate.gateway.authentication.internal.PublicEndpoints;
import io.wagate.gateway.authentication.internal.RejectedCredentials;
import io.wagate.gateway.authentication.internal.UserTokenVerifier;
import io.wagate.support.identity.PrincipalType;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Establishes who calls, for every routed request: a user from {@code Authorization: Bearer <JWT>}, or an API key
 * from {@code Authorization: Bearer wg_...} or {@code X-Api-Key}. Without valid credentials only the public
 * endpoints are reachable; everything else answers 401 problem+json with a {@code WWW-Authenticate} challenge.
 * On a public endpoint invalid credentials are ignored rather than refused: a client refreshing its session
 * typically still sends the expired access token.
 */
public class AuthenticationGlobalFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationGlobalFilter.class);

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final UserTokenVerifier users;
    private final ApiKeyVerification apiKeys;
    private final PublicEndpoints publicEndpoints;
    private final CallerAhead ahead;
    private final TwoTagCounter outcomes;

    public AuthenticationGlobalFilter(UserTokenVerifier users, ApiKeyVerification apiKeys,
            PublicEndpoints publicEndpoints, CallerAhead ahead, MeterRegistry meters) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.publicEndpoints = publicEndpoints;
        this.ahead = ahead;
        this.outcomes = new TwoTagCounter(meters, "wagate.gateway.auth", "result", "principal_type");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean isPublic = publicEndpoints.matches(request);
        String credential = credential(request);
        if (credential == null) {
            if (isPublic) {
                count("anonymous", "anonymous");
                return chain.filter(exchange);
            }
            count("missing", "anonymous");
            return Mono.error(GatewayProblems.unauthorized("This endpoint needs an access token or an API key"));
        }
        boolean apiKey = ApiKeyVerification.looksLikeApiKey(credential);
        Mono<Caller> caller;
        if (apiKey) {
            ApiKeyVerification.Verification verification = apiKeys.verify(credential);
            if (verification.recent() != null) {
                count("success", "api_key");
                callerOf(verification.recent()).attachTo(exchange);
                return chain.filter(exchange);
            }
            ApiKeyGrant previous = verification.previous();
            if (previous != null) {
                expectAhead(callerOf(previous));
            }
            caller = RequestEventLoop.resumeHere(Objects.requireNonNull(verification.lookup()))
                    .flatMap(AuthenticationGlobalFilter::fromGrant);
        } else {
            caller = users.verify(credential);
        }
        String type = apiKey ? "api_key" : "user";
        return caller
                .flatMap(authenticated -> {
                    count("success", type);
                    authenticated.attachTo(exchange);
                    return chain.filter(exchange);
                })
                .onErrorResume(RejectedCredentials.class, rejected -> {
                    count(rejected.reason(), type);
                    return isPublic ? chain.filter(exchange)
                            : Mono.error(GatewayProblems.unauthorized(rejected.getMessage()));
                });
    }

    private void expectAhead(Caller caller) {
        try {
            ahead.expect(caller);
        } catch (RuntimeException e) {
            log.debug("Work ahead of a key's lookup failed: {}", e.toString());
        }
    }

    private static Mono<Caller> fromGrant(Optional<ApiKeyGrant> grant) {
        if (grant.isEmpty()) {
            return Mono.error(new RejectedCredentials("inactive_key", "The API key is not valid"));
        }
        return Mono.just(callerOf(grant.get()));
    }

    private static Caller callerOf(ApiKeyGrant key) {
        return new Caller(PrincipalType.API_KEY, key.keyId().toString(), key.tenantId(), Set.of(), key.scopes(),
                key.instanceId());
    }

    private static @Nullable String credential(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String value = authorization.substring(BEARER.length()).strip();
            return value.isEmpty() ? null : value;
        }
        String key = request.getHeaders().getFirst(API_KEY_HEADER);
        return key == null || key.isBlank() ? null : key.strip();
    }

    private void count(String result, String principalType) {
        outcomes.increment(result, principalType);
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.AUTHENTICATION;
    }
}
