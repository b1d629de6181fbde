package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.contracts.session.Engine;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Tenant A's identity against every endpoint that takes an id of tenant B: not found, and nothing changes. */
class TenantIsolationTests extends AuthIntegrationTest {

    @Test
    void anotherTenantsIdsAreNotFoundAndStayUntouched() {
        Account a = register();
        Account b = register();
        UUID instanceB = instanceOf(b.tenantId(), Engine.WEB);
        Map<String, Object> keyB = http.post().uri("/api/auth/api-keys").header("X-WaGate-Identity", ownerToken(b))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("instanceId", instanceB, "name", "b", "scopes", List.of("messages:send")))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String keyIdB = (String) ((Map<?, ?>) keyB.get("apiKey")).get("id");
        loginOk(b);
        Map<String, Long> before = rowCounts();
        String snapshotB = snapshot(b);

        String tokenA = ownerToken(a);
        record Probe(HttpMethod method, String path, Object body) {
        }
        List<Probe> probes = List.of(
                new Probe(HttpMethod.GET, "/api/auth/api-keys/" + keyIdB, null),
                new Probe(HttpMethod.DELETE, "/api/auth/api-keys/" + keyIdB, null),
                new Probe(HttpMethod.POST, "/api/auth/api-keys/" + keyIdB + "/rotate", Map.of("overlapSeconds", 0)),
                new Probe(HttpMethod.POST, "/api/auth/api-keys",
                        Map.of("instanceId", instanceB, "name", "steal", "scopes", List.of("messages:send"))),
                new Probe(HttpMethod.PUT, "/api/auth/members/" + b.userId() + "/role", Map.of("role", "VIEWER")),
                new Probe(HttpMethod.DELETE, "/api/auth/members/" + b.userId(), null));
        for (Probe probe : probes) {
            var request = http.method(probe.method()).uri(probe.path()).header("X-WaGate-Identity", tokenA);
            var response = probe.body() == null ? request.exchange()
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(probe.body()).exchange();
            response.expectStatus().isNotFound().expectBody()
                    .jsonPath("$.type").isEqualTo("https://wagate.io/problems/not-found");
        }

        // Lists and the audit trail are confined to the caller's tenant.
        http.get().uri("/api/auth/api-keys?instanceId={id}", instanceB).header("X-WaGate-Identity", tokenA)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        String members = http.get().uri("/api/auth/members").header("X-WaGate-Identity", tokenA).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(members).contains(a.userId().toString()).doesNotContain(b.userId().toString());
        String audit = http.get().uri("/api/auth/audit?limit=200").header("X-WaGate-Identity", tokenA).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(audit).doesNotContain(b.userId().toString()).doesNotContain(keyIdB);

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(snapshot(b)).isEqualTo(snapshotB);
    }

    /** Everything of tenant B that an attack could change. */
    private String snapshot(Account b) {
        return database.sql("SELECT (SELECT string_agg(user_id || ':' || role, ',') FROM memberships WHERE tenant_id = :t) "
                        + "|| '|' || (SELECT string_agg(id || ':' || coalesce(revoked_at::text, '-') || ':' "
                        + "|| coalesce(retire_at::text, '-'), ',') FROM api_keys WHERE tenant_id = :t) "
                        + "|| '|' || (SELECT count(*) FROM audit_log WHERE tenant_id = :t) AS s")
                .bind("t", b.tenantId()).map(row -> row.get("s", String.class)).one().block();
    }
}
