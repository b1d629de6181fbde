package io.wagate.auth.token;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/auth/jwks} (public): every published key as an RFC 7517 JWK set. */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/api/auth/jwks", produces = {"application/jwk-set+json", "application/json"})
    Mono<ResponseEntity<Map<String, Object>>> jwks() {
        // Short cache: a newly added key must reach verifiers before it signs (publish first, sign later).
        return keys.published().map(published -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(Map.of("keys", published.stream().map(JwksController::jwk).toList())));
    }

    private static Map<String, Object> jwk(SigningKey key) {
        ECPublicKey publicKey = key.publicKey();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("kid", key.kid());
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        jwk.put("x", coordinate(publicKey.getW().getAffineX()));
        jwk.put("y", coordinate(publicKey.getW().getAffineY()));
        return jwk;
    }

    /** RFC 7518: the coordinate as exactly 32 big-endian bytes, base64url without padding. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

}
