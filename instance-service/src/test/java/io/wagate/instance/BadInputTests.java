package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.support.identity.InternalTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class BadInputTests extends InstanceIntegrationTest {

    @Test
    void invalidNamesAreRefused() {
        Tenant tenant = newTenant();
        for (String name : List.of("ab", "Upper-Case", "-leading", "trailing-", "has space", "x".repeat(41), "events",
                "ws", "ünïcode", "under_score", "")) {
            createInstance(tenant.owner(), name, "web")
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/validation-failed");
        }
        assertNoInstances(tenant);
    }

    @Test
    void malformedOrUnexpectedBodiesAreRefusedWithProblems() {
        Tenant tenant = newTenant();
        expect(tenant, "{\"name\":\"good-name\",\"engine\":\"telegram\"}", 400, "validation-failed");
        expect(tenant, "{\"name\":\"good-name\"}", 400, "validation-failed");
        expect(tenant, "{\"name\":\"good-name\",\"engine\":\"web\",\"description\":\"" + "d".repeat(501) + "\"}", 400,
                "validation-failed");
        expect(tenant, "{\"name\":\"good-name\",\"engine\":\"web\"", 400, "malformed-json");
        expect(tenant, "{\"name\":\"good-name\",\"engine\":\"web\"} trailing", 400, "malformed-json");
        expect(tenant, "{\"name\":\"good-name\",\"engine\":\"web\",\"plan\":\"max\"}", 400, "unknown-field");
        expect(tenant, "{\"name\":[\"a\"],\"engine\":\"web\"}", 400, "invalid-field-type");
        expect(tenant, "{\"name\":5,\"engine\":\"web\"}", 400, "validation-failed");
        expect(tenant, "[]", 400, "invalid-field-type");
        expect(tenant, "{\"name\":\"good-name\",\"engine\":\"web\",\"description\":\"" + "d".repeat(300_000) + "\"}",
                413, "payload-too-large");
        http.post().uri("/api/instances").header(InternalTokens.HEADER, tenant.owner())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=good-name").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/unsupported-media-type");
        assertNoInstances(tenant);
    }

    @Test
    void badUpdatesLeaveTheInstanceUnchanged() {
        Tenant tenant = newTenant();
        createdInstance(tenant, "stable-name");
        createdInstance(tenant, "taken-name");
        for (String body : List.of("{\"name\":\"Bad Name\"}", "{\"description\":\"" + "d".repeat(501) + "\"}",
                "{\"engine\":\"web\"}", "{\"name\":")) {
            http.patch().uri("/api/instances/stable-name").header(InternalTokens.HEADER, tenant.owner())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.patch().uri("/api/instances/stable-name").header(InternalTokens.HEADER, tenant.owner())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"taken-name\"}").exchange()
                .expectStatus().isEqualTo(409);
        get(tenant.owner(), "/api/instances/stable-name").expectStatus().isOk().expectBody()
                .jsonPath("$.description").isEqualTo("test instance");
    }

    private void expect(Tenant tenant, String body, int status, String type) {
        http.post().uri("/api/instances").header(InternalTokens.HEADER, tenant.owner())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/" + type);
    }

    private void assertNoInstances(Tenant tenant) {
        assertThat(count("SELECT count(*) FROM instance WHERE tenant_id = :tenant", tenant.id())).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%' || :tenant::text || '%'",
                tenant.id())).isZero();
    }
}
