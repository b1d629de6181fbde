package io.wagate.webhook.endpoint;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.util.UUID;

/**
 * Who may manage endpoints: users with DEVELOPER or a higher role for any instance of their tenant; API keys with
 * {@code webhooks:manage} for their own instance only (another instance's endpoints look absent to them).
 */
final class EndpointAccess {

    static final String SCOPE_MANAGE = "webhooks:manage";

    private EndpointAccess() {
    }

    static void requireManager(InternalIdentity identity) {
        boolean allowed = identity.isApiKey() ? identity.hasScope(SCOPE_MANAGE)
                : identity.hasAnyRole(InternalIdentity.OWNER, InternalIdentity.ADMIN, InternalIdentity.DEVELOPER);
        if (!allowed) {
            throw ApiProblem.forbidden(identity.isApiKey() ? "The API key lacks the webhooks:manage scope"
                    : "Your role does not allow managing webhooks");
        }
    }

    /** Whether the caller may see an endpoint of its tenant on this instance. */
    static boolean reaches(InternalIdentity identity, UUID instanceId) {
        return !identity.isApiKey() || instanceId.equals(identity.instanceId());
    }
}
