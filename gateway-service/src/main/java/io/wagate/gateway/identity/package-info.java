/**
 * The internal identity the gateway forwards: one short-lived token per request, signed with the gateway's
 * Ed25519 key (service-support's {@code InternalTokenIssuer}), replacing anything a client sent in its place.
 */
@NullMarked
package io.wagate.gateway.identity;

import org.jspecify.annotations.NullMarked;
