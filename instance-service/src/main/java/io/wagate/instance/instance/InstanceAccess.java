package io.wagate.instance.instance;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;

/**
 * Who may do what. Users act by role: VIEWER and above read, DEVELOPER and above create, update and control,
 * ADMIN and above delete. API keys belong to one instance and act on it only, by scope; they never list, create,
 * update or delete instances.
 */
public final class InstanceAccess {

    public static final String SCOPE_READ = "instance:read";
    public static final String SCOPE_CONTROL = "instance:control";

    /** What a caller wants to do with one instance. */
    public enum Permission {
        READ, CONTROL
    }

    private InstanceAccess() {
    }

    public static void require(InternalIdentity identity, Permission permission) {
        boolean allowed = switch (permission) {
            case READ -> identity.isApiKey() ? identity.hasScope(SCOPE_READ) || identity.hasScope(SCOPE_CONTROL)
                    : identity.hasAnyRole(InternalIdentity.OWNER, InternalIdentity.ADMIN, InternalIdentity.DEVELOPER,
                            InternalIdentity.VIEWER);
            case CONTROL -> identity.isApiKey() ? identity.hasScope(SCOPE_CONTROL)
                    : identity.hasAnyRole(InternalIdentity.OWNER, InternalIdentity.ADMIN, InternalIdentity.DEVELOPER);
        };
        if (!allowed) {
            throw ApiProblem.forbidden(identity.isApiKey() ? "The API key lacks the scope for this request"
                    : "Your role does not allow this request");
        }
    }

    /** Listing and reading many instances: users with any tenant role. */
    static void requireUserReader(InternalIdentity identity) {
        requireUser(identity, InternalIdentity.OWNER, InternalIdentity.ADMIN, InternalIdentity.DEVELOPER,
                InternalIdentity.VIEWER);
    }

    /** Creating and updating instances. */
    static void requireManager(InternalIdentity identity) {
        requireUser(identity, InternalIdentity.OWNER, InternalIdentity.ADMIN, InternalIdentity.DEVELOPER);
    }

    /** Deleting instances (it unlinks the number and removes keys and webhooks). */
    static void requireDeleter(InternalIdentity identity) {
        requireUser(identity, InternalIdentity.OWNER, InternalIdentity.ADMIN);
    }

    private static void requireUser(InternalIdentity identity, String... roles) {
        if (identity.isApiKey()) {
            throw ApiProblem.forbidden("API keys act on their own instance only");
        }
        if (!identity.hasAnyRole(roles)) {
            throw ApiProblem.forbidden("Your role does not allow this request");
        }
    }
}
