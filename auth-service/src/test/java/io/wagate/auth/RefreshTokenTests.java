package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RefreshTokenTests extends AuthIntegrationTest {

    @Test
    void everyRefreshRotatesAndReusingARotatedTokenRevokesTheFamily() {
        Account account = register();
        String first = (String) loginOk(account).get("refreshToken");
        assertThat(count("refresh_tokens WHERE token_hash = sha256(convert_to('" + first + "', 'UTF8'))")).isEqualTo(1);

        Map<String, Object> rotated = refresh(first).expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        String second = (String) rotated.get("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated).containsKeys("accessToken", "expiresIn");
        String third = (String) refresh(second).expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody().get("refreshToken");

        // The first token, already rotated, shows up again: someone copied it.
        refresh(first).expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/invalid-refresh-token");
        // The whole family is dead now, including the newest token the legitimate client holds.
        refresh(third).expectStatus().isUnauthorized();
        assertThat(count("refresh_tokens WHERE user_id = '" + account.userId() + "' AND revoked_at IS NULL"))
                .isZero();
        assertThat(count("audit_log WHERE tenant_id = '" + account.tenantId() + "' AND type = 'refresh_token_reused'"))
                .isEqualTo(1);
    }

    @Test
    void reuseRevokesOnlyItsOwnFamily() {
        Account account = register();
        String phone = (String) loginOk(account).get("refreshToken");
        String laptop = (String) loginOk(account).get("refreshToken");
        refresh(phone).expectStatus().isOk();
        refresh(phone).expectStatus().isUnauthorized();
        refresh(laptop).expectStatus().isOk();
    }

    @Test
    void logoutRevokesTheFamilyAndIsIdempotent() {
        Account account = register();
        String token = (String) loginOk(account).get("refreshToken");
        String next = (String) refresh(token).expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody().get("refreshToken");
        logout(next).expectStatus().isNoContent();
        logout(next).expectStatus().isNoContent();
        refresh(next).expectStatus().isUnauthorized();
        logout("never-issued").expectStatus().isNoContent();
    }

    @Test
    void unknownTokensAreRejected() {
        refresh("not-a-token-we-issued").expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/invalid-refresh-token");
    }

    private WebTestClient.ResponseSpec refresh(String token) {
        return http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", token)).exchange();
    }

    private WebTestClient.ResponseSpec logout(String token) {
        return http.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", token)).exchange();
    }
}
