/**
 * The HTTP edge of the gateway: CORS for the dashboard, security headers on every answer, the request body limit,
 * and trustworthy client addresses ({@code X-Forwarded-*} from the client are replaced, never passed on).
 */
@NullMarked
package io.wagate.gateway.security;

import org.jspecify.annotations.NullMarked;
