package io.wagate.gateway.identity;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reuses a minted internal token for the same identity. Signing (Ed25519) is the most expensive step of a request
 * through the gateway, and an API key sending messages presents the same identity on every request; a reused token
 * is exactly as valid as a fresh one. Bounded: the table starts over when it grows beyond {@code maxEntries}.
 *
 * <p>Renewed ahead of need: from half its lifetime on, the first request that uses a token also asks for its
 * successor on the {@code renewals} executor and goes on with the token it has. Once signed, the successor is
 * announced with the token in use (services verify it off their request path, see
 * {@link io.wagate.support.identity.InternalTokens#NEXT_HEADER}) and replaces it at two thirds of its lifetime, so a
 * token reaches a service with a third of its lifetime left at least. Signing once every half lifetime leaves that
 * code cold in the JIT, so a renewal made by a request took milliseconds, and every event loop whose request found
 * the token expired meanwhile signed one of its own; a new token first verified by a request cost every service as
 * much. A request signs itself only for an identity it has no token for, or when no successor has arrived by the end
 * of the reuse period (a renewal failed, or the executor refused it). Renewing no earlier than half the lifetime keeps
 * new tokens as rare as before.
 */
final class MintedTokens {

    private static final Logger log = LoggerFactory.getLogger(MintedTokens.class);

    /**
     * A token and, once signed, the successor that replaces it at the end of its reuse period.
     *
     * @param renewing whether a successor has been asked for
     */
    record MintedToken(String token, long mintedAtNanos, boolean renewing, @Nullable MintedToken successor) {

        private MintedToken asRenewing() {
            return new MintedToken(token, mintedAtNanos, true, null);
        }

        private MintedToken withSuccessor(MintedToken next) {
            return new MintedToken(token, mintedAtNanos, renewing, next);
        }
    }

    private final ConcurrentHashMap<InternalIdentity, MintedToken> tokens = new ConcurrentHashMap<>();
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

    /** The token to present for the identity, with the successor to announce if there is one already. */
    MintedToken tokenFor(InternalIdentity identity) {
        long now = nanoClock.getAsLong();
        MintedToken minted = tokens.get(identity);
        if (minted == null) {
            return mint(identity, now);
        }
        long age = now - minted.mintedAtNanos();
        if (age < reuseNanos) {
            if (age >= renewNanos && !minted.renewing()) {
                MintedToken renewing = minted.asRenewing();
                if (tokens.replace(identity, minted, renewing)) {
                    renewInBackground(identity, renewing);
                }
            }
            return minted;
        }
        MintedToken successor = minted.successor();
        if (successor != null && now - successor.mintedAtNanos() < reuseNanos) {
            tokens.replace(identity, minted, successor);
            return successor;
        }
        return mint(identity, now);
    }

    private void renewInBackground(InternalIdentity identity, MintedToken renewing) {
        try {
            renewals.execute(() -> {
                try {
                    MintedToken next = sign(identity, nanoClock.getAsLong());
                    // A successor that comes after a request had to sign one itself is of no use any more.
                    tokens.computeIfPresent(identity, (key, current) -> current.token().equals(renewing.token())
                            ? current.withSuccessor(next) : current);
                } catch (RuntimeException e) {
                    // The token in use stays; the first request past the reuse period signs one itself.
                    log.warn("Renewing an internal token failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Internal token renewal refused: {}", e.toString());
        }
    }

    /** Signs a token for the identity and keeps it. */
    private MintedToken mint(InternalIdentity identity, long now) {
        if (tokens.size() >= maxEntries) {
            tokens.clear();
        }
        MintedToken fresh = sign(identity, now);
        tokens.put(identity, fresh);
        return fresh;
    }

    /** A token whose lifetime is counted from {@code now}, taken before signing. */
    private MintedToken sign(InternalIdentity identity, long now) {
        return new MintedToken(issuer.issue(identity), now, false, null);
    }
}
