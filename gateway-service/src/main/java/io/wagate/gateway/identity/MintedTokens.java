package io.wagate.gateway.identity;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reuses a minted internal token for the same identity. Signing (Ed25519) is the most expensive step of a request
 * through the gateway, and an API key sending messages presents the same identity on every request; a reused token
 * is exactly as valid as a fresh one. Bounded: the table starts over when it grows beyond {@code maxEntries}.
 *
 * <p>Renewed ahead of need: from half its lifetime on, the first request that uses a token also asks for its
 * successor on the {@code renewals} executor and goes on with the token it has, as do the requests after it until
 * the successor is in place, at most until two thirds of the lifetime (a token reaches a service with a third of it
 * left at least). Signing once every half lifetime leaves that code cold in the JIT, so a renewal made by a request
 * took milliseconds, and every event loop whose request found the token expired meanwhile signed one of its own: in
 * the platform benchmark the gateway's requests waited up to 79 ms at each renewal. A request signs itself only for
 * an identity it has no token for, or when the renewal has not arrived by the end of the reuse period (a renewal
 * failed, or the executor refused it). Renewing no earlier than half the lifetime keeps new tokens as rare as
 * before: each new token costs every service a signature check of its own.
 */
final class MintedTokens {

    private static final Logger log = LoggerFactory.getLogger(MintedTokens.class);

    /** @param renewing whether a successor has been asked for */
    private record Minted(String token, long mintedAtNanos, boolean renewing) {
    }

    private final ConcurrentHashMap<InternalIdentity, Minted> tokens = new ConcurrentHashMap<>();
    private final InternalTokenIssuer issuer;
    private final long renewNanos;
    private final long reuseNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Executor renewals;

    MintedTokens(InternalTokenIssuer issuer, Duration tokenTtl, int maxEntries, LongSupplier nanoClock,
            Executor renewals) {
        this.issuer = issuer;
        this.renewNanos = tokenTtl.dividedBy(2).toNanos();
        this.reuseNanos = tokenTtl.multipliedBy(2).dividedBy(3).toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.renewals = renewals;
    }

    String tokenFor(InternalIdentity identity) {
        long now = nanoClock.getAsLong();
        Minted minted = tokens.get(identity);
        if (minted != null) {
            long age = now - minted.mintedAtNanos();
            if (age < reuseNanos) {
                if (age >= renewNanos && !minted.renewing()
                        && tokens.replace(identity, minted, new Minted(minted.token(), minted.mintedAtNanos(), true))) {
                    renewInBackground(identity);
                }
                return minted.token();
            }
        }
        return mint(identity, now).token();
    }

    private void renewInBackground(InternalIdentity identity) {
        try {
            renewals.execute(() -> {
                try {
                    mint(identity, nanoClock.getAsLong());
                } catch (RuntimeException e) {
                    // The token in use stays; the first request past the reuse period signs one itself.
                    log.warn("Renewing an internal token failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Internal token renewal refused: {}", e.toString());
        }
    }

    /** Signs a token for the identity, lifetime counted from {@code now} (taken before signing), and keeps it. */
    private Minted mint(InternalIdentity identity, long now) {
        if (tokens.size() >= maxEntries) {
            tokens.clear();
        }
        Minted fresh = new Minted(issuer.issue(identity), now, false);
        tokens.put(identity, fresh);
        return fresh;
    }
}
