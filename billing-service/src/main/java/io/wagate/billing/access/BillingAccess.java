package io.wagate.billing.access;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;

/** The role checks of the billing endpoints. */
public final class BillingAccess {

    private BillingAccess() {
    }

    /** Any member of the tenant (VIEWER and above). */
    public static void requireMember(InternalIdentity identity) {
        if (identity.isApiKey() || !identity.hasAnyRole(InternalIdentity.OWNER, InternalIdentity.ADMIN,
                InternalIdentity.DEVELOPER, InternalIdentity.VIEWER)) {
            throw ApiProblem.forbidden("Billing is visible to the tenant's members");
        }
    }

    /** The tenant's OWNER, who decides what the tenant pays for. */
    public static void requireOwner(InternalIdentity identity) {
        if (identity.isApiKey() || !identity.hasRole(InternalIdentity.OWNER)) {
            throw ApiProblem.forbidden("Only the tenant's owner changes the plan");
        }
    }

    /** A platform operator. */
    public static void requireOperator(InternalIdentity identity) {
        if (identity.isApiKey() || !identity.hasRole(InternalIdentity.OPERATOR)) {
            throw ApiProblem.forbidden("Only platform operators change other tenants' subscriptions");
        }
    }
}
