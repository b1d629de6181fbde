package io.wagate.auth.shared;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.util.UUID;

/** Checks on the caller the gateway authenticated. */
public final class Callers {

    private Callers() {
    }

    /** The signed-in user's id; API keys manage nothing in auth-service. */
    public static UUID user(InternalIdentity identity) {
        if (identity.isApiKey()) {
            throw ApiProblem.forbidden("API keys cannot call this endpoint; sign in as a user");
        }
        try {
            return UUID.fromString(identity.principalId());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.forbidden("The caller is not a user");
        }
    }

    /** The user's id when the caller holds one of the roles in its tenant. */
    public static UUID userWithRole(InternalIdentity identity, Role... roles) {
        UUID user = user(identity);
        for (Role role : roles) {
            if (identity.hasRole(role.name())) {
                return user;
            }
        }
        throw ApiProblem.forbidden("This needs one of the roles " + java.util.Arrays.toString(roles));
    }
}
