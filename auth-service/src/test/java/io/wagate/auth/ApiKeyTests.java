package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.auth.apikey.LastUsedRecorder;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.InstanceDeleted;
import io.wagate.contracts.session.Engine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ApiKeyTests extends AuthIntegrationTest {

    @Autowired
    LastUsedRecorder lastUsed;

    @Test
    void keyIsShownOnceStoredHashedIntrospectedAndRevoked() throws Exception {
        Account owner = register();
        UUID instance = instanceOf(owner.tenantId(), Engine.WEB);
        Map<String, Object> created = create(owner, instance, List.of("messages:send", "instance:read"), null)
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        String key = (String) created.get("key");
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) created.get("apiKey");
        String keyId = (String) view.get("id");
        assertThat(key).matches("wg_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
        assertThat(key).startsWith("wg_live_" + view.get("prefix") + "_");

        // The raw row holds the SHA-256 of the key and nothing that contains the secret.
        Map<String, Object> row = database.sql("SELECT * FROM api_keys WHERE id = :id").bind("id", UUID.fromString(keyId))
                .fetch().one().block();
        java.nio.ByteBuffer stored = (java.nio.ByteBuffer) row.get("secret_hash");
        byte[] storedHash = new byte[stored.remaining()];
        stored.get(storedHash);
        assertThat(storedHash)
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        String secret = key.substring(key.lastIndexOf('_') + 1);
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(secret));

        // Listing and reading never show it again.
        http.get().uri("/api/auth/api-keys").header("X-WaGate-Identity", ownerToken(owner)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo(keyId)
                .jsonPath("$[0].key").doesNotExist()
                .jsonPath("$[0].scopes[0]").isEqualTo("instance:read");
        assertThat(http.get().uri("/api/auth/api-keys/{id}", keyId).header("X-WaGate-Identity", ownerToken(owner))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain(secret);

        introspect(key).expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.keyId").isEqualTo(keyId)
                .jsonPath("$.tenantId").isEqualTo(owner.tenantId().toString())
                .jsonPath("$.instanceId").isEqualTo(instance.toString())
                .jsonPath("$.scopes.length()").isEqualTo(2);
        // A key with the right prefix but a wrong secret is inactive.
        introspect(key.substring(0, key.length() - 3) + (key.endsWith("AAA") ? "BBB" : "AAA"))
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false)
                .jsonPath("$.keyId").doesNotExist();

        // The use is buffered and written by the flush, with a first-use audit entry.
        assertThat(count("api_keys WHERE id = '" + keyId + "' AND last_used_at IS NOT NULL")).isZero();
        lastUsed.flush().block(Duration.ofSeconds(10));
        assertThat(count("api_keys WHERE id = '" + keyId + "' AND last_used_at IS NOT NULL")).isEqualTo(1);
        introspect(key).expectStatus().isOk();
        lastUsed.flush().block(Duration.ofSeconds(10));
        assertThat(count("audit_log WHERE type = 'api_key_first_used' AND tenant_id = '" + owner.tenantId() + "'"))
                .isEqualTo(1);

        http.delete().uri("/api/auth/api-keys/{id}", keyId).header("X-WaGate-Identity", ownerToken(owner))
                .exchange().expectStatus().isNoContent();
        introspect(key).expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        http.delete().uri("/api/auth/api-keys/{id}", keyId).header("X-WaGate-Identity", ownerToken(owner))
                .exchange().expectStatus().isNoContent();

        ConsumerRecord<String, String> revoked = kafka.await(Topics.API_KEY_EVENTS, Duration.ofSeconds(20),
                "io.wagate.apikey.revoked.v1", keyId).orElseThrow();
        assertThat(revoked.key()).isEqualTo(owner.tenantId().toString());
        assertThat(revoked.value()).contains("io.wagate.apikey.revoked.v1").contains(keyId).doesNotContain(secret);
        // Revoking twice announced it once.
        assertThat(count("outbox_event WHERE event_type = 'io.wagate.apikey.revoked.v1' AND payload LIKE '%"
                + keyId + "%'")).isEqualTo(1);
        assertThat(count("audit_log WHERE tenant_id = '" + owner.tenantId() + "' AND type IN "
                + "('api_key_created', 'api_key_revoked')")).isEqualTo(2);
    }

    @Test
    void sandboxInstancesGetTestKeys() {
        Account owner = register();
        UUID instance = instanceOf(owner.tenantId(), Engine.SANDBOX);
        String key = (String) create(owner, instance, List.of("messages:send"), null).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("key");
        assertThat(key).startsWith("wg_test_");
        introspect(key).expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        // The environment is part of the key: the same secret presented as a live key is not valid.
        introspect(key.replace("wg_test_", "wg_live_")).expectBody().jsonPath("$.active").isEqualTo(false);
    }

    @Test
    void rotationKeepsTheOldKeyValidForTheOverlapOnly() {
        Account owner = register();
        UUID instance = instanceOf(owner.tenantId(), Engine.WEB);
        Map<String, Object> created = create(owner, instance, List.of("messages:send"), null).expectStatus()
                .isCreated().expectBody(JSON).returnResult().getResponseBody();
        String oldKey = (String) created.get("key");
        String oldId = (String) ((Map<?, ?>) created.get("apiKey")).get("id");

        Map<String, Object> rotated = http.post().uri("/api/auth/api-keys/{id}/rotate", oldId)
                .header("X-WaGate-Identity", ownerToken(owner)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("overlapSeconds", 2)).exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        String newKey = (String) rotated.get("key");
        assertThat(((Map<?, ?>) rotated.get("apiKey")).get("replacesKeyId")).isEqualTo(oldId);
        assertThat(newKey).isNotEqualTo(oldKey);

        // During the overlap both work; the old one says when it stops.
        introspect(oldKey).expectBody().jsonPath("$.active").isEqualTo(true).jsonPath("$.expiresAt").isNotEmpty();
        introspect(newKey).expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri("/api/auth/api-keys/{id}/rotate", oldId).header("X-WaGate-Identity", ownerToken(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("overlapSeconds", 0))
                .exchange().expectStatus().isEqualTo(409);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                introspect(oldKey).expectBody().jsonPath("$.active").isEqualTo(false));
        introspect(newKey).expectBody().jsonPath("$.active").isEqualTo(true);
        // The retirement job revokes it and announces that it stopped being valid.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("api_keys WHERE id = '" + oldId + "' AND revoked_at IS NOT NULL AND revoke_reason = 'rotated'") == 1);
        assertThat(kafka.await(Topics.API_KEY_EVENTS, Duration.ofSeconds(20), "io.wagate.apikey.revoked.v1", oldId,
                "\"reason\":\"rotated\"")).isPresent();
    }

    @Test
    void expiredKeysAreInactive() throws InterruptedException {
        Account owner = register();
        UUID instance = instanceOf(owner.tenantId(), Engine.WEB);
        Instant expiresAt = Instant.now().plusMillis(1500);
        String key = (String) create(owner, instance, List.of("messages:read"), expiresAt).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("key");
        introspect(key).expectBody().jsonPath("$.active").isEqualTo(true);
        Thread.sleep(Duration.between(Instant.now(), expiresAt).plusMillis(200));
        introspect(key).expectBody().jsonPath("$.active").isEqualTo(false);
        create(owner, instance, List.of("messages:read"), Instant.now().minusSeconds(5)).expectStatus().isBadRequest();
    }

    @Test
    void deletingAnInstanceRevokesItsKeysAndBlocksNewOnes() {
        Account owner = register();
        UUID instance = instanceOf(owner.tenantId(), Engine.WEB);
        String key = (String) create(owner, instance, List.of("messages:send"), null).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("key");
        publisher.publish(Topics.INSTANCE_EVENTS, instance.toString(), CloudEvent.create("/instance-service",
                owner.tenantId().toString(), instance.toString(), "bot",
                new InstanceDeleted(instance, owner.tenantId(), "bot"))).block(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("api_keys WHERE instance_id = '" + instance + "' AND revoke_reason = 'instance_deleted'") == 1);
        introspect(key).expectBody().jsonPath("$.active").isEqualTo(false);
        create(owner, instance, List.of("messages:send"), null).expectStatus().isNotFound();
        assertThat(count("outbox_event WHERE event_type = 'io.wagate.apikey.revoked.v1' AND payload LIKE "
                + "'%instance_deleted%' AND payload LIKE '%" + instance + "%'")).isEqualTo(1);
    }

    @Test
    void viewersAndApiKeysCannotManageKeys() {
        Account owner = register();
        UUID instance = instanceOf(owner.tenantId(), Engine.WEB);
        http.post().uri("/api/auth/api-keys")
                .header("X-WaGate-Identity", userToken(owner.tenantId(), owner.userId(), "VIEWER"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("instanceId", instance, "name", "ci", "scopes", List.of("messages:send")))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/auth/api-keys").header("X-WaGate-Identity", keyToken(owner.tenantId(), instance))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("instanceId", instance, "name", "ci", "scopes", List.of("messages:send")))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/auth/api-keys")
                .header("X-WaGate-Identity", userToken(owner.tenantId(), owner.userId(), "DEVELOPER"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("instanceId", instance, "name", "ci", "scopes", List.of("messages:send")))
                .exchange().expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec create(Account owner, UUID instance, List<String> scopes, Instant expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("instanceId", instance, "name", "CRM integration",
                "scopes", scopes));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return http.post().uri("/api/auth/api-keys").header("X-WaGate-Identity", ownerToken(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec introspect(String key) {
        return http.post().uri("/internal/auth/api-keys/introspect").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("key", key)).exchange().expectStatus().isOk();
    }
}
