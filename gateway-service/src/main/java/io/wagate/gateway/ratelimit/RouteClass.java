package io.wagate.gateway.ratelimit;

/**
 * The classes of requests that differ in how they are limited and in what happens when Redis is down.
 */
public enum RouteClass {
    /** Anonymous requests to the public endpoints (login, sign-up, refresh, invites, JWKS): limited per address. */
    PUBLIC,
    /** Authenticated requests: limited per tenant (by plan) and per API key or user. */
    API;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
