package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.identity.PrincipalType;
import java.security.KeyPair;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AuthenticationTests extends GatewayIntegrationTest {

    @Test
    void aUserTokenIsReplacedByAFreshInternalTokenAndForgedHeadersDoNotSurvive() {
        UUID tenant = UUID.randomUUID();
        String probe = probe();
        http().get().uri("/api/instances")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + UserTokens.owner(tenant, "user-1"))
                .header(InternalTokens.HEADER, "forged-by-the-client")
                .header(InternalTokens.NEXT_HEADER, "forged-by-the-client")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-Real-IP", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Api-Key", "wg_live_abc_def")
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "for this connection only")
                .header("Keep-Alive", "timeout=5")
                .header("X-Custom", "kept")
                .header(BackendRecorder.PROBE, probe)
                .exchange()
                .expectStatus().isOk();

        var received = backend.received.get(probe);
        assertThat(received.get("X-Real-IP")).isNull();
        assertThat(received.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.get("X-Forwarded-Host")).isNotBlank();
        assertThat(received.get("X-Api-Key")).isNull();
        assertThat(received.get("X-Hop")).as("named by Connection: hop-by-hop").isNull();
        assertThat(received.get("Keep-Alive")).isNull();
        assertThat(received.get("X-Custom")).isEqualTo("kept");
        assertThat(received.getAll(InternalTokens.HEADER)).hasSize(1).doesNotContain("forged-by-the-client");
        assertThat(received.get(InternalTokens.NEXT_HEADER))
                .as("a client-sent successor is dropped, and a fresh token has none yet").isNull();
        InternalIdentity identity = identityReceived(backend, probe);
        assertThat(identity.tenantId()).isEqualTo(tenant);
        assertThat(identity.principalId()).isEqualTo("user-1");
        assertThat(identity.principalType()).isEqualTo(PrincipalType.USER);
        assertThat(identity.roles()).containsExactly("OWNER");
        assertThat(identity.plan()).isEqualTo("basic");
        assertThat(received.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.get("Forwarded")).isNull();
        assertThat(received.get("X-Request-Id")).isNotBlank();
    }

    @Test
    void anonymousCallersReachOnlyThePublicEndpointsAndCarryNoIdentity() {
        String probe = probe();
        http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header(InternalTokens.HEADER, "forged-by-the-client")
                .header(BackendRecorder.PROBE, probe)
                .exchange()
                .expectStatus().isOk();
        assertThat(auth.recorder.received.get(probe).get(InternalTokens.HEADER)).isNull();

        expectUnauthorized(http().get().uri("/api/auth/me").exchange());
        expectUnauthorized(http().post().uri("/api/messages/text").bodyValue("{}").exchange());
    }

    @Test
    void anExpiredTokenIsRejected() {
        String expired = UserTokens.token(UserTokens.EC, UserTokens.EC_KID, "wagate-auth", UUID.randomUUID(), "u",
                Duration.ofMinutes(-5));
        expectUnauthorized(withToken(expired)).jsonPath("$.detail").isEqualTo("The access token has expired");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = UserTokens.owner(UUID.randomUUID(), "user-1");
        String[] parts = token.split("\\.");
        String otherPayload = UserTokens.owner(UUID.randomUUID(), "admin").split("\\.")[1];
        expectUnauthorized(withToken(parts[0] + "." + otherPayload + "." + parts[2]))
                .jsonPath("$.detail").isEqualTo("The access token's signature is not valid");
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        String token = UserTokens.token(UserTokens.EC, UserTokens.EC_KID, "someone-else", UUID.randomUUID(), "u",
                Duration.ofMinutes(5));
        expectUnauthorized(withToken(token)).jsonPath("$.detail").isEqualTo("The access token was not issued by WaGate");
    }

    @Test
    void aTokenSignedWithAnUnknownKeyIsRejected() {
        String token = UserTokens.token(UserTokens.generate("EC"), "never-published", "wagate-auth", UUID.randomUUID(),
                "u", Duration.ofMinutes(5));
        expectUnauthorized(withToken(token)).jsonPath("$.detail").isEqualTo("The access token is signed with an unknown key");
    }

    @Test
    void aRotatedEd25519KeyIsPickedUpFromTheJwks() {
        KeyPair rotated = UserTokens.generate("Ed25519");
        String kid = "auth-eddsa-" + UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        String token = UserTokens.token(rotated, kid, "wagate-auth", tenant, "user-2", Duration.ofMinutes(5));
        auth.publish(kid, rotated.getPublic());

        String probe = probe();
        // The refetch for an unknown key id is rate-limited (1 s in tests); another test may just have used it.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> http().get()
                .uri("/api/instances").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe).exchange().expectBody().returnResult().getStatus().value() == 200);
        assertThat(identityReceived(backend, probe).tenantId()).isEqualTo(tenant);
    }

    @Test
    void garbageIsNotAToken() {
        expectUnauthorized(withToken("not-a-jwt"));
        expectUnauthorized(withToken("e30.e30.e30"));
    }

    private WebTestClient.ResponseSpec withToken(String token) {
        return http().get().uri("/api/instances").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    static WebTestClient.BodyContentSpec expectUnauthorized(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/unauthorized")
                .jsonPath("$.requestId").isNotEmpty();
    }

}
