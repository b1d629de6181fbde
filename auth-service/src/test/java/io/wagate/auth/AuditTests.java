package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTests extends AuditTestsSupport {

    @Test
    void ownersReadTheirTenantsTrailNewestFirstWithFiltersAndPages() {
        Account owner = register();
        loginOk(owner);
        login(owner.email(), "wrong password!!", randomAddress()).expectStatus().isUnauthorized();
        loginOk(owner);
        String token = ownerToken(owner);

        List<Map<String, Object>> all = items(http.get().uri("/api/auth/audit").header("X-WaGate-Identity", token));
        assertThat(all).extracting(entry -> entry.get("type"))
                .containsExactly("login_succeeded", "login_failed", "login_succeeded");
        assertThat(all.get(1)).containsKeys("ip", "occurredAt", "actor");
        assertThat(all.toString()).doesNotContain("wrong password");

        List<Map<String, Object>> failed = items(http.get().uri("/api/auth/audit?type=login_failed")
                .header("X-WaGate-Identity", token));
        assertThat(failed).hasSize(1);

        Map<String, Object> page = http.get().uri("/api/auth/audit?limit=2").header("X-WaGate-Identity", token)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        String cursor = (String) page.get("nextCursor");
        assertThat(cursor).isNotNull();
        List<Map<String, Object>> rest = items(http.get().uri("/api/auth/audit?limit=2&cursor={c}", cursor)
                .header("X-WaGate-Identity", token));
        assertThat(rest).extracting(entry -> entry.get("type")).containsExactly("login_succeeded");

        assertThat(items(http.get().uri("/api/auth/audit?from={f}", Instant.now().plusSeconds(60))
                .header("X-WaGate-Identity", token))).isEmpty();
    }

    @Test
    void onlyOwnersAndAdminsMayReadIt() {
        Account owner = register();
        http.get().uri("/api/auth/audit")
                .header("X-WaGate-Identity", userToken(owner.tenantId(), owner.userId(), "DEVELOPER"))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/auth/audit")
                .header("X-WaGate-Identity", userToken(owner.tenantId(), owner.userId(), "ADMIN"))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/auth/audit").exchange().expectStatus().isUnauthorized();
    }
}
