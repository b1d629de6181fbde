package io.wagate.gateway.authentication;

/**
 * Work for a caller that can start while its credentials are still being verified. Looking up an API key that this
 * replica no longer remembers takes a Redis round trip, and so does refilling the caller's rate-limit lease after a
 * pause; started together, the request waits for one round trip instead of two. Only ever handed the caller an API
 * key belonged to when this replica last verified it: the work must not authorize anything, and may turn out wasted
 * (the key was revoked meanwhile).
 */
@FunctionalInterface
public interface CallerAhead {

    /** Nothing to do ahead. */
    CallerAhead NONE = caller -> {
    };

    /** Starts the work for the caller, without waiting for it; never fails the request. */
    void expect(Caller caller);
}
