/**
 * auth-service: tenants, users and their roles, access and refresh tokens, API keys and the security audit log. It is the issuer of user identities; the gateway verifies them with its JWKS.
 */
@NullMarked
package io.wagate.auth;

import org.jspecify.annotations.NullMarked;
