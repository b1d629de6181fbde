package io.wagate.gateway.identity;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Reuses a minted internal token for the same identity for half its lifetime. Signing (Ed25519) is the most
 * expensive step of a request through the gateway, and an API key sending messages presents the same identity on
 * every request; a reused token is exactly as valid as a fresh one, with at least half its lifetime left. Bounded:
 * the table starts over when it grows beyond {@code maxEntries}.
 */
final class MintedTokens {

    private record Minted(String token, long mintedAtNanos) {
    }

    private final ConcurrentHashMap<InternalIdentity, Minted> tokens = new ConcurrentHashMap<>();
    private final InternalTokenIssuer issuer;
    private final long reuseNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    MintedTokens(InternalTokenIssuer issuer, Duration tokenTtl, int maxEntries, LongSupplier nanoClock) {
        this.issuer = issuer;
        this.reuseNanos = tokenTtl.dividedBy(2).toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    String tokenFor(InternalIdentity identity) {
        long now = nanoClock.getAsLong();
        Minted minted = tokens.get(identity);
        if (minted != null && now - minted.mintedAtNanos() < reuseNanos) {
            return minted.token();
        }
        if (tokens.size() >= maxEntries) {
            tokens.clear();
        }
        Minted fresh = new Minted(issuer.issue(identity), now);
        tokens.put(identity, fresh);
        return fresh.token();
    }
}
