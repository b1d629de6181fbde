/**
 * The internal identity ("phantom token") pattern: the gateway authenticates the caller, then forwards a
 * short-lived token it signed (Ed25519) carrying tenant, principal, roles, scopes, instance and plan in the
 * {@code X-WaGate-Identity} header. Services trust nothing else: {@link io.wagate.support.identity.InternalIdentityWebFilter}
 * rejects {@code /api/**} requests without a valid token, and controllers receive the
 * {@link io.wagate.support.identity.InternalIdentity} as a method parameter.
 */
@NullMarked
package io.wagate.support.identity;

import org.jspecify.annotations.NullMarked;
