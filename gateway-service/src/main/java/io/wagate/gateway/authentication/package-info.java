/**
 * Authentication of every routed request: user access tokens verified against auth-service's JWKS, API keys through
 * {@link io.wagate.gateway.apikey}, anonymous access only to the configured public endpoints. The result is the
 * request's {@link io.wagate.gateway.authentication.Caller}.
 */
@NullMarked
package io.wagate.gateway.authentication;

import org.jspecify.annotations.NullMarked;
