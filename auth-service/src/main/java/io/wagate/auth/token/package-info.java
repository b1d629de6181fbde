/**
 * Sign-in and the tokens it yields: login (with throttling and a uniform answer for unknown emails and wrong
 * passwords), short-lived ES256 access tokens with a {@code kid}, opaque refresh tokens rotated on every use with
 * reuse detection per family, logout, and the JWKS the gateway verifies access tokens with.
 */
@NullMarked
package io.wagate.auth.token;

import org.jspecify.annotations.NullMarked;
