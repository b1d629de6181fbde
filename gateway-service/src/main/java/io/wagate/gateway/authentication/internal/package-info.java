/**
 * Authentication internals: the cached JWKS of auth-service, the verification of user access tokens and the list
 * of endpoints that need no credentials. Only {@link io.wagate.gateway.authentication} uses them.
 */
@NullMarked
package io.wagate.gateway.authentication.internal;

import org.jspecify.annotations.NullMarked;
