package io.wagate.gateway.apikey.internal;

import io.wagate.gateway.GatewayProblems;
import io.wagate.gateway.apikey.ApiKeyGrant;
import io.wagate.support.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls auth-service's {@code POST /internal/auth/api-keys/introspect}. The answer is read leniently (unknown
 * fields ignored) so that auth-service can add fields without breaking the gateway. When auth-service cannot answer,
 * the request fails with 503: the key may well be valid, so 401 would be a lie.
 */
public final class IntrospectionClient {

    private static final Logger log = LoggerFactory.getLogger(IntrospectionClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient http;
    private final String endpoint;
    private final Duration timeout;

    public IntrospectionClient(WebClient http, String endpoint, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** The grant of an active key, or an empty optional for an inactive one. */
    public Mono<Optional<ApiKeyGrant>> introspect(String key) {
        return http.post().uri(endpoint)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("key", key))
                .retrieve()
                .bodyToMono(String.class)
                .timeout(timeout)
                .map(IntrospectionClient::parse)
                .onErrorMap(error -> {
                    log.warn("API key introspection failed: {}", error.toString());
                    return unavailable();
                });
    }

    /** The answer when a key cannot be checked: 503, since the key may well be valid (401 would be a lie). */
    public static ApiProblem unavailable() {
        return GatewayProblems.serviceUnavailable("API keys cannot be checked right now", Duration.ofSeconds(5));
    }

    static Optional<ApiKeyGrant> parse(String body) {
        JsonNode node = JSON.readTree(body);
        if (!node.path("active").asBoolean(false)) {
            return Optional.empty();
        }
        Set<String> scopes = new LinkedHashSet<>();
        node.path("scopes").forEach(scope -> scopes.add(scope.asString()));
        JsonNode expires = node.get("expiresAt");
        return Optional.of(new ApiKeyGrant(
                UUID.fromString(node.get("keyId").asString()),
                UUID.fromString(node.get("tenantId").asString()),
                UUID.fromString(node.get("instanceId").asString()),
                scopes,
                expires == null || expires.isNull() ? null : Instant.parse(expires.asString())));
    }
}
