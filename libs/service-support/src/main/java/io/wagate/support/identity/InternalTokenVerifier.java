package io.wagate.support.identity;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Verifies internal identity tokens: signature, issuer, audience and expiry (5 s clock skew).
 *
 * <p>The gateway reuses a token for the same identity for about half its lifetime, so most requests carry a token this
 * service has already verified. Identical bytes verify identically; a token seen before is answered from memory
 * (until its expiry, checked on every use), which saves the signature check and the JSON parsing per request.
 */
public final class InternalTokenVerifier {

    private static final long SKEW_SECONDS = 5;
    /** Bounds the memory: above this many tokens the expired ones go, and if that is not enough, all of them. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(InternalIdentity identity, Instant usableUntil) {
    }

    private final JwtParser parser;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    public InternalTokenVerifier(PublicKey key, Clock clock) {
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(InternalTokens.ISSUER)
                .requireAudience(InternalTokens.AUDIENCE)
                .clockSkewSeconds(SKEW_SECONDS)
                .clock(() -> Date.from(clock.instant()))
                .build();
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
