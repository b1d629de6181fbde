package io.wagate.support.identity;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Verifies internal identity tokens: signature, issuer, audience and expiry (5 s clock skew). */
public final class InternalTokenVerifier {

    private final JwtParser parser;

    public InternalTokenVerifier(PublicKey key, Clock clock) {
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(InternalTokens.ISSUER)
                .requireAudience(InternalTokens.AUDIENCE)
                .clockSkewSeconds(5)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** The identity in the token, or an exception saying why it is not acceptable. */
    public InternalIdentity verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null) {
                throw new InvalidInternalTokenException("token has no expiry");
            }
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
            throw new InvalidInternalTokenException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
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
