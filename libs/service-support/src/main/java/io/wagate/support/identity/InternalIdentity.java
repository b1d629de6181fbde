package io.wagate.support.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller as the gateway established it.
 *
 * @param tenantId the tenant every query of the request must be confined to
 * @param principalId the user id or the API key id
 * @param principalType user or API key
 * @param roles tenant roles (OWNER, ADMIN, DEVELOPER, VIEWER) and OPERATOR for platform operators; empty for keys
 * @param scopes API key scopes (messages:send, ...); empty for users
 * @param instanceId the instance an API key belongs to; null for users
 * @param plan the tenant's plan name
 */
public record InternalIdentity(UUID tenantId, String principalId, PrincipalType principalType, Set<String> roles,
        Set<String> scopes, @Nullable UUID instanceId, String plan) {

    public static final String OWNER = "OWNER";
    public static final String ADMIN = "ADMIN";
    public static final String DEVELOPER = "DEVELOPER";
    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";

    public InternalIdentity {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        if (principalType == PrincipalType.API_KEY && instanceId == null) {
            throw new IllegalArgumentException("An API key identity belongs to an instance");
        }
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean isApiKey() {
        return principalType == PrincipalType.API_KEY;
    }

    /** How the principal appears in audit fields and commands: {@code user:<id>} or {@code key:<id>}. */
    public String actor() {
        return (isApiKey() ? "key:" : "user:") + principalId;
    }
}
