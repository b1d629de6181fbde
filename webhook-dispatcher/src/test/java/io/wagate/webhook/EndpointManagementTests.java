package io.wagate.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class EndpointManagementTests extends WebhookIntegrationTest {

    @Test
    void theSecretIsShownOnceAndStoredEncrypted() {
        Tenant tenant = newTenant();
        Instance instance = instance(tenant);
        Map<String, Object> created = createEndpoint(tenant.developer(), Map.of("instance", instance.name(),
                "url", "https://93.184.215.14/hooks", "eventTypes", List.of("session.status", "message.received"),
                "headers", Map.of("X-Team", "bots")))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/webhooks/endpoints/[0-9a-f-]{36}")
                .expectBody(Map.class).returnResult().getResponseBody();
        String secret = (String) created.get("secret");
        UUID id = UUID.fromString((String) created.get("id"));

        assertThat(secret).startsWith("whsec_");
        assertThat(created).containsEntry("instance", instance.name()).containsEntry("url", "https://93.184.215.14/hooks")
                .containsEntry("enabled", true).containsEntry("headers", Map.of("X-Team", "bots"))
                .containsEntry("eventTypes", List.of("session.status", "message.received"));
        http.get().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, tenant.developer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.secret").doesNotExist().jsonPath("$.url").isEqualTo("https://93.184.215.14/hooks");
        byte[] stored = database.sql("SELECT secret FROM endpoint WHERE id = :id").bind("id", id)
                .map(row -> row.get(0, byte[].class)).one().block();
        assertThat(stored).isNotEmpty();
        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
    }

    @Test
    void listUpdateRotateAndDelete() {
        Tenant tenant = newTenant();
        Instance first = instance(tenant);
        Instance second = instance(tenant);
        String a = (String) endpoint(tenant, first, "https://93.184.215.14/a", "*").get("id");
        endpoint(tenant, second, "https://93.184.215.14/b", "session.qr");

        http.get().uri(ENDPOINTS).header(InternalTokens.HEADER, tenant.developer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
        http.get().uri(ENDPOINTS + "?instance=" + first.name()).header(InternalTokens.HEADER, tenant.developer())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(a);

        http.patch().uri(ENDPOINTS + "/" + a).header(InternalTokens.HEADER, tenant.developer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", false, "eventTypes", List.of("message.status")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.disabledReason").isEqualTo("disabled_by_user")
                .jsonPath("$.eventTypes[0]").isEqualTo("message.status")
                .jsonPath("$.url").isEqualTo("https://93.184.215.14/a");

        Map<?, ?> rotated = http.post().uri(ENDPOINTS + "/" + a + "/rotate-secret")
                .header(InternalTokens.HEADER, tenant.developer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("overlapSeconds", 3600)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) rotated.get("secret")).startsWith("whsec_");
        assertThat(rotated.get("previousSecretExpiresAt")).isNotNull();
        assertThat(count("SELECT count(*) FROM endpoint WHERE id = :id AND previous_secret IS NOT NULL",
                UUID.fromString(a))).isEqualTo(1);

        http.delete().uri(ENDPOINTS + "/" + a).header(InternalTokens.HEADER, tenant.developer()).exchange()
                .expectStatus().isNoContent();
        http.get().uri(ENDPOINTS + "/" + a).header(InternalTokens.HEADER, tenant.developer()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void apiKeysManageTheirOwnInstanceAndViewersNothing() {
        Tenant tenant = newTenant();
        Instance mine = instance(tenant);
        Instance other = instance(tenant);
        String otherEndpoint = (String) endpoint(tenant, other, "https://93.184.215.14/o", "*").get("id");
        String key = tenant.apiKey(mine.id(), "webhooks:manage");

        createEndpoint(key, Map.of("instance", mine.name(), "url", "https://93.184.215.14/k", "eventTypes", List.of("*")))
                .expectStatus().isCreated();
        createEndpoint(key, Map.of("instance", other.name(), "url", "https://93.184.215.14/k", "eventTypes", List.of("*")))
                .expectStatus().isForbidden();
        http.get().uri(ENDPOINTS).header(InternalTokens.HEADER, key).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        http.get().uri(ENDPOINTS + "/" + otherEndpoint).header(InternalTokens.HEADER, key).exchange()
                .expectStatus().isNotFound();
        createEndpoint(tenant.apiKey(mine.id(), "messages:send"), Map.of("instance", mine.name(),
                "url", "https://93.184.215.14/k", "eventTypes", List.of("*")))
                .expectStatus().isForbidden();
        http.get().uri(ENDPOINTS).header(InternalTokens.HEADER, tenant.user(InternalIdentity.VIEWER)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/forbidden");
        http.get().uri(ENDPOINTS).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void otherTenantsEndpointsDoNotExist() {
        Tenant owner = newTenant();
        Tenant intruder = newTenant();
        String id = (String) endpoint(owner, instance(owner), "https://93.184.215.14/t", "*").get("id");

        http.get().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, intruder.developer()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/not-found");
        http.patch().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, intruder.developer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false)).exchange()
                .expectStatus().isNotFound();
        http.post().uri(ENDPOINTS + "/" + id + "/rotate-secret").header(InternalTokens.HEADER, intruder.developer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("overlapSeconds", 0)).exchange()
                .expectStatus().isNotFound();
        http.delete().uri(ENDPOINTS + "/" + id).header(InternalTokens.HEADER, intruder.developer()).exchange()
                .expectStatus().isNotFound();
        http.get().uri(ENDPOINTS).header(InternalTokens.HEADER, intruder.developer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        assertThat(count("SELECT count(*) FROM endpoint WHERE id = :id AND enabled", UUID.fromString(id))).isEqualTo(1);
    }
}
