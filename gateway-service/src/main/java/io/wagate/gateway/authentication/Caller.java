package io.wagate.gateway.authentication;

import io.wagate.support.identity.PrincipalType;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller the gateway authenticated for one request: a user (from a JWT) or an API key (from introspection).
 * Requests without a caller are anonymous; they reach only the public endpoints.
 *
 * @param type user or API key
 * @param principalId the user id or the API key id
 * @param tenantId the tenant the request acts for
 * @param roles the user's roles in the tenant; empty for keys
 * @param scopes the key's scopes; empty for users
 * @param instanceId the instance an API key belongs to; null for users
 */
public record Caller(PrincipalType type, String principalId, UUID tenantId, Set<String> roles, Set<String> scopes,
        @Nullable UUID instanceId) {

    private static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** The authenticated caller of the exchange, or null for an anonymous request. */
    public static @Nullable Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** Called by the authentication filter once the credentials are verified. */
    public void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    /** The {@code principal_type} tag of metrics and logs. */
    public String typeTag() {
        return type == PrincipalType.API_KEY ? "api_key" : "user";
    }
}
