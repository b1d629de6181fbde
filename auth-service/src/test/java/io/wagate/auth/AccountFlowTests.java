package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.wagate.contracts.Topics;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AccountFlowTests extends AuthIntegrationTest {

    @Test
    void registerThenLoginThenMe() {
        String email = "Mixed.Case-" + UUID.randomUUID() + "@Example.com";
        Map<String, Object> registered = http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "name", "Grace Hopper", "organization", "Navy"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat(registered).containsEntry("email", email.toLowerCase()).containsEntry("role", "OWNER")
                .containsEntry("organization", "Navy").doesNotContainKeys("password", "passwordHash");
        String hash = database.sql("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", UUID.fromString((String) registered.get("userId")))
                .map(row -> row.get("password_hash", String.class)).one().block();
        assertThat(hash).startsWith("$2a$").doesNotContain(PASSWORD);

        // Email is case-insensitive at login.
        Map<String, Object> tokens = login(email.toUpperCase(), PASSWORD, randomAddress()).expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(tokens).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 600)
                .containsKeys("accessToken", "refreshToken");

        Claims claims = verifyWithJwks((String) tokens.get("accessToken")).getPayload();
        assertThat(claims.getIssuer()).isEqualTo("wagate-auth");
        assertThat(claims.getSubject()).isEqualTo(registered.get("userId"));
        assertThat(claims.get("tid", String.class)).isEqualTo(registered.get("tenantId"));
        assertThat(claims.get("rol", List.class)).containsExactly("OWNER");
        assertThat(claims.get("email", String.class)).isEqualTo(email.toLowerCase());
        assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));

        UUID userId = UUID.fromString((String) registered.get("userId"));
        UUID tenantId = UUID.fromString((String) registered.get("tenantId"));
        http.get().uri("/api/auth/me").header("X-WaGate-Identity", userToken(tenantId, userId, "OWNER"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.userId").isEqualTo(userId.toString())
                .jsonPath("$.email").isEqualTo(email.toLowerCase())
                .jsonPath("$.tenantId").isEqualTo(tenantId.toString())
                .jsonPath("$.memberships[0].role").isEqualTo("OWNER")
                .jsonPath("$.passwordHash").doesNotExist();
        http.get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void tenantCreatedIsPublishedThroughTheOutbox() {
        Account account = register();
        assertThat(count("outbox_event WHERE message_key = '" + account.tenantId() + "'")).isEqualTo(1);
        ConsumerRecord<String, String> record = kafka.await(Topics.TENANT_EVENTS, Duration.ofSeconds(20),
                "\"ownerUserId\":\"" + account.userId() + "\"").orElseThrow();
        assertThat(record.key()).isEqualTo(account.tenantId().toString());
        assertThat(record.value()).contains("\"type\":\"io.wagate.tenant.created.v1\"")
                .contains("\"tenantId\":\"" + account.tenantId() + "\"")
                .contains("\"source\":\"/auth-service\"");
    }

    @Test
    void duplicateEmailIsAConflictAndWritesNothing() {
        Account account = register();
        Map<String, Long> before = rowCounts();
        http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", account.email().toUpperCase(), "password", PASSWORD, "name", "Again",
                        "organization", "Again"))
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/email-taken");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void jwksPublishesTheSigningKeyWithoutAnIdentity() {
        http.get().uri("/api/auth/jwks").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("EC")
                .jsonPath("$.keys[0].crv").isEqualTo("P-256")
                .jsonPath("$.keys[0].alg").isEqualTo("ES256")
                .jsonPath("$.keys[0].kid").isNotEmpty()
                .jsonPath("$.keys[0].d").doesNotExist();
        // Readable by jjwt's JWK set parser, which is what the gateway uses.
        String json = http.get().uri("/api/auth/jwks").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        var set = io.jsonwebtoken.security.Jwks.setParser().build().parse(json);
        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.getKeys().iterator().next().toKey()).isInstanceOf(ECPublicKey.class);
        // The local key lives in the database, so a restart keeps signing with it.
        assertThat(count("signing_keys")).isEqualTo(1);
    }

    @Test
    void invitedMemberJoinsAndSwitchesTenantsAtLogin() {
        Account first = register();
        Account second = register();
        String invite = http.post().uri("/api/auth/members/invites").header("X-WaGate-Identity", ownerToken(second))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", first.email(), "role", "DEVELOPER"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody()
                .get("token").toString();
        assertThat(count("invites WHERE tenant_id = '" + second.tenantId() + "'")).isEqualTo(1);
        assertThat(count("invites WHERE token_hash = sha256(convert_to('" + invite + "', 'UTF8'))")).isEqualTo(1);

        // An existing account joins with its own password.
        http.post().uri("/api/auth/invites/accept").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", invite, "password", PASSWORD))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.userId").isEqualTo(first.userId().toString())
                .jsonPath("$.role").isEqualTo("DEVELOPER");
        http.post().uri("/api/auth/invites/accept").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", invite, "password", PASSWORD))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/invalid-invite");

        Map<String, Object> defaultLogin = loginOk(first);
        assertThat(defaultLogin).containsEntry("tenantId", first.tenantId().toString());
        Map<String, Object> switched = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", randomAddress())
                .bodyValue(Map.of("email", first.email(), "password", PASSWORD, "tenantId", second.tenantId()))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        Claims claims = verifyWithJwks((String) switched.get("accessToken")).getPayload();
        assertThat(claims.get("tid", String.class)).isEqualTo(second.tenantId().toString());
        assertThat(claims.get("rol", List.class)).containsExactly("DEVELOPER");
    }

    @Test
    void newPersonAcceptsAnInviteAndMembersAreManaged() {
        Account owner = register();
        String email = uniqueEmail();
        String invite = http.post().uri("/api/auth/members/invites").header("X-WaGate-Identity", ownerToken(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "role", "ADMIN"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody()
                .get("token").toString();
        String newUser = http.post().uri("/api/auth/invites/accept").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", invite, "name", "New Person", "password", "another long secret"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody()
                .get("userId").toString();
        String ownerToken = ownerToken(owner);

        // The only OWNER can be neither demoted nor removed.
        http.put().uri("/api/auth/members/{id}/role", owner.userId()).header("X-WaGate-Identity", ownerToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "ADMIN"))
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/last-owner");
        http.delete().uri("/api/auth/members/{id}", owner.userId()).header("X-WaGate-Identity", ownerToken)
                .exchange().expectStatus().isEqualTo(409);
        // An ADMIN cannot make anyone OWNER.
        http.put().uri("/api/auth/members/{id}/role", newUser)
                .header("X-WaGate-Identity", userToken(owner.tenantId(), UUID.fromString(newUser), "ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "OWNER"))
                .exchange().expectStatus().isForbidden();

        http.put().uri("/api/auth/members/{id}/role", newUser).header("X-WaGate-Identity", ownerToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "OWNER"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("OWNER");
        // With two OWNERs, the first may step down.
        http.put().uri("/api/auth/members/{id}/role", owner.userId()).header("X-WaGate-Identity", ownerToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "VIEWER"))
                .exchange().expectStatus().isOk();
        http.delete().uri("/api/auth/members/{id}", owner.userId())
                .header("X-WaGate-Identity", userToken(owner.tenantId(), UUID.fromString(newUser), "OWNER"))
                .exchange().expectStatus().isNoContent();
        assertThat(count("memberships WHERE tenant_id = '" + owner.tenantId() + "'")).isEqualTo(1);
        assertThat(count("audit_log WHERE tenant_id = '" + owner.tenantId() + "' AND type IN "
                + "('member_invited', 'member_joined', 'role_changed', 'member_removed')")).isEqualTo(5);
    }

    private Jws<Claims> verifyWithJwks(String token) {
        Map<String, Object> jwks = http.get().uri("/api/auth/jwks").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, String> jwk = ((List<Map<String, String>>) jwks.get("keys")).getFirst();
        return Jwts.parser().keyLocator(header -> {
                    assertThat(((io.jsonwebtoken.ProtectedHeader) header).getKeyId()).isEqualTo(jwk.get("kid"));
                    return publicKey(jwk);
                }).requireIssuer("wagate-auth").build().parseSignedClaims(token);
    }

    private static PublicKey publicKey(Map<String, String> jwk) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
            ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("x"))),
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y"))));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
