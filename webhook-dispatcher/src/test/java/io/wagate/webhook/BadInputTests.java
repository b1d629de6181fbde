package io.wagate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.support.identity.InternalTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class BadInputTests extends WebhookIntegrationTest {

    private static final String PROBLEMS = "https://wagate.io/problems/";

    @Test
    void malformedOrUnexpectedBodiesAreRefusedWithProblems() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        String valid = "\"instance\":\"" + instance.name() + "\",\"url\":\"https://93.184.215.14/h\",\"eventTypes\":[\"*\"]";
        expect(tenant, "{" + valid, "malformed-json");
        expect(tenant, "{" + valid + ",\"secret\":\"whsec_mine\"}", "unknown-field");
        expect(tenant, "{" + valid.replace("[\"*\"]", "\"*\"") + "}", "invalid-field-type");
        expect(tenant, "{\"url\":\"https://93.184.215.14/h\",\"eventTypes\":[\"*\"]}", "validation-failed");
        expect(tenant, "{" + valid.replace("[\"*\"]", "[\"message.deleted\"]") + "}", "validation-failed");
        expect(tenant, "{" + valid.replace("[\"*\"]", "[]") + "}", "validation-failed");
        for (String url : List.of("not a url", "ftp://example.com/h", "http://example.com/h", "/relative",
                "https://user:pass@example.com/h", "https://93.184.215.14/h#frag")) {
            expect(tenant, "{" + valid.replace("https://93.184.215.14/h", url) + "}", "invalid-webhook-url");
        }
        for (String header : List.of("Authorization", "host", "Content-Length", "Transfer-Encoding", "Connection",
                "webhook-signature", "Webhook-Id")) {
            expect(tenant, "{" + valid + ",\"headers\":{\"" + header + "\":\"x\"}}", "forbidden-webhook-header");
        }
        expect(tenant, "{" + valid + ",\"headers\":{\"X-Bad\":\"a\\r\\nInjected: 1\"}}", "validation-failed");
        assertThat(count("SELECT count(*) FROM endpoint WHERE tenant_id = :id", tenant.id())).isZero();
    }

    @Test
    void addressesInsideThePlatformAreRefusedAtCreation() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        for (String host : List.of("127.0.0.2", "10.0.0.1", "192.168.0.10", "169.254.169.254", "[::1]", "localhost",
                "[::ffff:127.0.0.1]", "[fd00::1]", "[fe80::1]", "0.0.0.0", "100.64.1.1")) {
            createEndpoint(tenant.developer(), Map.of("instance", instance.name(), "url", "https://" + host + "/h",
                    "eventTypes", List.of("*")))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden-webhook-address");
        }
        assertThat(count("SELECT count(*) FROM endpoint WHERE tenant_id = :id", tenant.id())).isZero();
    }

    @Test
    void unknownInstancesAndIdsAreNotFound() {
        Tenant tenant = newTenant();
        createEndpoint(tenant.developer(), Map.of("instance", "no-such-instance", "url", "https://93.184.215.14/h",
                "eventTypes", List.of("*")))
                .expectStatus().isNotFound();
        http.get().uri(ENDPOINTS + "/not-a-uuid").header(InternalTokens.HEADER, tenant.developer()).exchange()
                .expectStatus().isBadRequest();
    }

    private void expect(Tenant tenant, String body, String type) {
        http.post().uri(ENDPOINTS).header(InternalTokens.HEADER, tenant.developer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + type);
    }
}
