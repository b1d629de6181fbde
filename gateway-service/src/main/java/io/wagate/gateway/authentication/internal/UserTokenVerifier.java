package io.wagate.gateway.authentication.internal;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.SignatureException;
import io.wagate.gateway.authentication.Caller;
import io.wagate.support.identity.PrincipalType;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies user access tokens issued by auth-service: an ES256 or EdDSA signature by a key of its JWKS, the
 * issuer, and an expiry (required) within the clock skew.
 */
public final class UserTokenVerifier {

    private static final Set<String> ALGORITHMS = Set.of("ES256", "EdDSA");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JwksKeys keys;
    private final JwtParser parser;

    public UserTokenVerifier(JwksKeys keys, String issuer, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.parser = Jwts.parser()
                .keyLocator(header -> locate(header))
                .requireIssuer(issuer)
                .clockSkewSeconds(clockSkew.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** The caller the token stands for, or a {@link RejectedCredentials} error saying why it does not count. */
    public Mono<Caller> verify(String token) {
        JsonNode header = header(token);
        if (header == null) {
            return Mono.error(new RejectedCredentials("malformed", "The access token is not a JWT"));
        }
        String kid = header.path("kid").asString("");
        String alg = header.path("alg").asString("");
        if (!ALGORITHMS.contains(alg)) {
            return Mono.error(new RejectedCredentials("unsupported_algorithm", "The access token's algorithm is not accepted"));
        }
        if (kid.isEmpty()) {
            return Mono.error(new RejectedCredentials("unknown_key", "The access token names no signing key"));
        }
        return keys.key(kid)
                .switchIfEmpty(Mono.error(() -> new RejectedCredentials("unknown_key",
                        "The access token is signed with an unknown key")))
                .map(key -> parse(token));
    }

    private Caller parse(String token) {
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            throw new RejectedCredentials("expired", "The access token has expired");
        } catch (IncorrectClaimException | MissingClaimException e) {
            throw new RejectedCredentials("wrong_issuer", "The access token was not issued by WaGate");
        } catch (SignatureException e) {
            throw new RejectedCredentials("invalid_signature", "The access token's signature is not valid");
        } catch (JwtException | IllegalArgumentException e) {
            throw new RejectedCredentials("malformed", "The access token is not valid");
        }
        if (claims.getExpiration() == null) {
            throw new RejectedCredentials("malformed", "The access token has no expiry");
        }
        try {
            UUID tenant = UUID.fromString(String.valueOf(claims.get("tid")));
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("no subject");
            }
            return new Caller(PrincipalType.USER, subject, tenant, strings(claims.get("rol")), Set.of(), null);
        } catch (IllegalArgumentException e) {
            throw new RejectedCredentials("malformed", "The access token lacks its tenant or subject");
        }
    }

    private @Nullable Key locate(io.jsonwebtoken.Header header) {
        if (header instanceof ProtectedHeader protectedHeader && protectedHeader.getKeyId() != null) {
            return keys.known(protectedHeader.getKeyId());
        }
        return null;
    }

    private static @Nullable JsonNode header(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.indexOf('.', dot + 1) < 0) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
            JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
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
