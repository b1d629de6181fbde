/**
 * Sign-up: {@code POST /api/auth/register} creates an organization (tenant), its first user as OWNER and the
 * membership, and announces {@code TenantCreated} through the outbox in the same transaction.
 */
@NullMarked
package io.wagate.auth.tenant;

import org.jspecify.annotations.NullMarked;
