package io.wagate.support.identity;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies internal identity tokens: signature, issuer, audience and expiry (5 s clock skew).
 *
 * <p>The gateway reuses a token for the same identity for about half its lifetime, so most requests carry a token this
 * service has already verified. Identical bytes verify identically; a token seen before is answered from memory
 * (until its expiry, checked on every use), which saves the signature check and the JSON parsing per request.
 *
 * <p>The gateway announces a token's successor before it uses it ({@link InternalTokens#NEXT_HEADER});
 * {@link #prepare(String)} verifies it on a thread of its own, so the first request that carries it finds it verified.
 * A new token verified by a request waited for code that runs twice a minute and is never fully compiled, and so did
 * every request that came with it meanwhile: in the platform benchmark tens of requests at each new token took up to
 * 23 ms.
 */
public final class InternalTokenVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InternalTokenVerifier.class);

    private static final long SKEW_SECONDS = 5;
    /** Bounds the memory: above this many tokens the expired ones go, and if that is not enough, all of them. */
    private static final int MAX_REMEMBERED = 10_000;
    /** Announced tokens waiting for their check; more are not taken (their requests will verify them). */
    private static final int MAX_PREPARING = 1_000;

    private record Verified(InternalIdentity identity, Instant usableUntil) {
    }

    private final JwtParser parser;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final Set<String> preparing = ConcurrentHashMap.newKeySet();
    /** The last announced token that did not verify: not checked again on every request that announces it. */
    private volatile @Nullable String refused;
    private final ThreadPoolExecutor preparations;

    public InternalTokenVerifier(PublicKey key, Clock clock) {
        this.clock = clock;
        // One thread that ends when idle: a new token comes once per identity per half lifetime.
        this.preparations = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_PREPARING),
                Thread.ofPlatform().daemon().name("internal-token-preparation").factory());
        preparations.allowCoreThreadTimeOut(true);
        this.parser = parser(key, clock);
    }

    private static JwtParser parser(PublicKey key, Clock clock) {
        return Jwts.parser()
                .verifyWith(key)
                .requireIssuer(InternalTokens.ISSUER)
                .requireAudience(InternalTokens.AUDIENCE)
                .clockSkewSeconds(SKEW_SECONDS)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /**
     * Checks a token of a throwaway key {@code rounds} times on the background thread, without remembering it, so
     * that the JIT has compiled the check before the first real token comes: run twice a minute, that code never gets
     * compiled otherwise, and each new token then cost milliseconds of interpreted code and compilations, on two cores
     * shared with the requests.
     */
    public CompletableFuture<Integer> warmUp(int rounds) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        if (rounds <= 0) {
            done.complete(0);
            return done;
        }
        try {
            preparations.execute(() -> {
                try {
                    KeyPair throwaway = InternalTokens.generateKeyPair();
                    JwtParser throwawayParser = parser(throwaway.getPublic(), clock);
                    String token = new InternalTokenIssuer(throwaway.getPrivate(), Duration.ofMinutes(5), clock)
                            .issue(InternalTokens.SAMPLE_IDENTITY);
                    int round = 0;
                    while (round < rounds && !Thread.currentThread().isInterrupted()) {
                        identity(throwawayParser.parseSignedClaims(token).getPayload());
                        round++;
                    }
                    done.complete(round);
                } catch (RuntimeException e) {
                    log.warn("Warming up the internal token check failed: {}", e.toString());
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** The identity in the token, or an exception saying why it is not acceptable. */
    public InternalIdentity verify(String token) {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.usableUntil())) {
                return known.identity();
            }
            verified.remove(token, known);
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            throw invalid(e);
        }
        if (claims.getExpiration() == null) {
            throw new InvalidInternalTokenException("token has no expiry");
        }
        InternalIdentity identity = identity(claims);
        remember(token, new Verified(identity, claims.getExpiration().toInstant().plusSeconds(SKEW_SECONDS)), now);
        return identity;
    }

    /**
     * Verifies an announced token in the background, unless it is known already; a token that does not verify is
     * only logged: it says nothing about the request that announced it.
     */
    public void prepare(String token) {
        if (verified.containsKey(token) || token.equals(refused) || preparing.size() >= MAX_PREPARING
                || !preparing.add(token)) {
            return;
        }
        try {
            preparations.execute(() -> {
                try {
                    verify(token);
                } catch (InvalidInternalTokenException e) {
                    refused = token;
                    log.debug("An announced internal token is not valid: {}", e.getMessage());
                } finally {
                    preparing.remove(token);
                }
            });
        } catch (RejectedExecutionException e) {
            preparing.remove(token);
        }
    }

    /** Whether the token is remembered as verified and still usable. */
    boolean remembers(String token) {
        Verified known = verified.get(token);
        return known != null && clock.instant().isBefore(known.usableUntil());
    }

    int rememberedCount() {
        return verified.size();
    }

    /** Stops verifying announced tokens (the application is stopping). */
    @Override
    public void close() {
        preparations.shutdownNow();
    }

    private void remember(String token, Verified entry, Instant now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(each -> !now.isBefore(each.usableUntil()));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }

    private static InternalIdentity identity(Claims claims) {
        try {
            String instance = claims.get(InternalTokenIssuer.Claims.INSTANCE, String.class);
            return new InternalIdentity(
                    UUID.fromString(required(claims.get(InternalTokenIssuer.Claims.TENANT, String.class), "tenant")),
                    required(claims.getSubject(), "subject"),
                    PrincipalType.valueOf(required(claims.get(InternalTokenIssuer.Claims.PRINCIPAL_TYPE, String.class),
                            "principal type")),
                    strings(claims.get(InternalTokenIssuer.Claims.ROLES)),
                    strings(claims.get(InternalTokenIssuer.Claims.SCOPES)),
                    instance == null ? null : UUID.fromString(instance),
                    required(claims.get(InternalTokenIssuer.Claims.PLAN, String.class), "plan"));
        } catch (JwtException | IllegalArgumentException e) {
            throw invalid(e);
        }
    }

    private static InvalidInternalTokenException invalid(RuntimeException e) {
        return new InvalidInternalTokenException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                e);
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidInternalTokenException("token lacks " + name);
        }
        return value;
    }

    private static Set<String> strings(@Nullable Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                result.add(String.valueOf(item));
            }
        }
        return result;
    }
}
