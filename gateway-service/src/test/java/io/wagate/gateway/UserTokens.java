package io.wagate.gateway;

import io.jsonwebtoken.Jwts;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Fixtures: signing keys like auth-service's and user access tokens signed with them. */
final class UserTokens {

    /** The ES256 key auth-service publishes from the start. */
    static final KeyPair EC = generate("EC");
    static final String EC_KID = "auth-es256-1";

    private UserTokens() {
    }

    static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(e);
        }
    }

    static String owner(UUID tenant, String userId) {
        return token(EC, EC_KID, "wagate-auth", tenant, userId, Duration.ofMinutes(15));
    }

    static String token(KeyPair key, String kid, String issuer, UUID tenant, String userId, Duration validFor) {
        Instant now = Instant.now();
        var builder = Jwts.builder()
                .header().keyId(kid).and()
                .issuer(issuer)
                .subject(userId)
                .claim("tid", tenant.toString())
                .claim("rol", List.of("OWNER"))
                .issuedAt(Date.from(now.minus(Duration.ofMinutes(20))))
                .expiration(Date.from(now.plus(validFor)));
        return key.getPrivate().getAlgorithm().equals("EC") ? builder.signWith(key.getPrivate(), Jwts.SIG.ES256).compact()
                : builder.signWith(key.getPrivate(), Jwts.SIG.EdDSA).compact();
    }
}
