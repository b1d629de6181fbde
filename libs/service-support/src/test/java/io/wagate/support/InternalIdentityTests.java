package io.wagate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokenVerifier;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.identity.InvalidInternalTokenException;
import io.wagate.support.identity.PrincipalType;
import io.wagate.testsupport.TestIdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InternalIdentityTests extends SupportIntegrationTest {

    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()), Duration.ofSeconds(60), Clock.systemUTC());
    private final InternalIdentity user = new InternalIdentity(UUID.randomUUID(), UUID.randomUUID().toString(),
            PrincipalType.USER, Set.of("ADMIN"), Set.of(), null, "basic");

    @Test
    void validTokenReachesTheControllerAsIdentity() {
        http.get().uri("/api/whoami").header(InternalTokens.HEADER, gateway.issue(user))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tenantId").isEqualTo(user.tenantId().toString())
                .jsonPath("$.principalType").isEqualTo("USER")
                .jsonPath("$.roles[0]").isEqualTo("ADMIN")
                .jsonPath("$.plan").isEqualTo("basic");
    }

    @Test
    void requestsWithoutTokenAreRejected() {
        expectUnauthorized(null);
    }

    @Test
    void forgedExpiredAndMalformedTokensAreRejected() {
        var otherKey = InternalTokens.generateKeyPair().getPrivate();
        expectUnauthorized(new InternalTokenIssuer(otherKey, Duration.ofSeconds(60), Clock.systemUTC()).issue(user));
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        var expiredIssuer = new InternalTokenIssuer(InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()),
                Duration.ofSeconds(60), past);
        expectUnauthorized(expiredIssuer.issue(user));
        expectUnauthorized("not.a.token");
        String valid = gateway.issue(user);
        expectUnauthorized(valid.substring(0, valid.length() - 4) + "AAAA");
    }

    @Test
    void tokensFromAnotherIssuerOrForAnotherAudienceAreRejected() {
        var key = InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64());
        String wrongIssuer = Jwts.builder().issuer("someone-else").audience().add(InternalTokens.AUDIENCE).and()
                .subject("u").expiration(Date.from(Instant.now().plusSeconds(60)))
                .claim("tid", UUID.randomUUID().toString()).claim("pty", "USER").claim("pln", "basic")
                .signWith(key, Jwts.SIG.EdDSA).compact();
        String wrongAudience = Jwts.builder().issuer(InternalTokens.ISSUER).audience().add("elsewhere").and()
                .subject("u").expiration(Date.from(Instant.now().plusSeconds(60)))
                .claim("tid", UUID.randomUUID().toString()).claim("pty", "USER").claim("pln", "basic")
                .signWith(key, Jwts.SIG.EdDSA).compact();
        expectUnauthorized(wrongIssuer);
        expectUnauthorized(wrongAudience);
    }

    @Test
    void pathsOutsideTheApiNeedNoToken() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void apiKeyIdentityRoundTripsWithItsInstanceAndScopes() {
        UUID instance = UUID.randomUUID();
        InternalIdentity key = new InternalIdentity(UUID.randomUUID(), "key-1", PrincipalType.API_KEY, Set.of(),
                Set.of("messages:send", "instance:read"), instance, "pro");
        InternalTokenVerifier verifier = new InternalTokenVerifier(
                InternalTokens.publicKey(TestIdentityKeys.publicKeyBase64()), Clock.systemUTC());

        InternalIdentity verified = verifier.verify(gateway.issue(key));

        assertThat(verified).isEqualTo(key);
        assertThat(verified.actor()).isEqualTo("key:key-1");
        assertThatThrownBy(() -> verifier.verify("")).isInstanceOf(InvalidInternalTokenException.class);
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedOnceItExpires() {
        Instant issuedAt = Instant.parse("2026-11-21T10:00:00Z");
        InternalTokenIssuer issuer = new InternalTokenIssuer(
                InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()), Duration.ofSeconds(60),
                Clock.fixed(issuedAt, ZoneOffset.UTC));
        Instant[] now = {issuedAt};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        InternalTokenVerifier verifier = new InternalTokenVerifier(
                InternalTokens.publicKey(TestIdentityKeys.publicKeyBase64()), moving);
        InternalIdentity user = new InternalIdentity(UUID.randomUUID(), "user-1", PrincipalType.USER,
                Set.of(InternalIdentity.OWNER), Set.of(), null, "basic");
        String token = issuer.issue(user);

        assertThat(verifier.verify(token)).isEqualTo(user);
        now[0] = issuedAt.plusSeconds(64);
        assertThat(verifier.verify(token)).isEqualTo(user);
        // Expiry (60 s) plus the 5 s skew: remembered or not, the token is no longer accepted.
        now[0] = issuedAt.plusSeconds(66);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidInternalTokenException.class);
        // A token that differs in one character of its signature is not mistaken for the one verified before.
        now[0] = issuedAt;
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(InvalidInternalTokenException.class);
    }

    private void expectUnauthorized(String token) {
        var request = http.get().uri("/api/whoami");
        if (token != null) {
            request = request.header(InternalTokens.HEADER, token);
        }
        request.exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/unauthorized");
    }
}
