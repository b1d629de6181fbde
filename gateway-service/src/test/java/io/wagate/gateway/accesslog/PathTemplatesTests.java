package io.wagate.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTemplatesTests {

    @Test
    void instanceNamesIdsAndSecretsBecomePlaceholders() {
        assertThat(PathTemplates.of("/api/instances/sales-bot/messages")).isEqualTo("/api/instances/{name}/messages");
        assertThat(PathTemplates.of("/api/instances")).isEqualTo("/api/instances");
        assertThat(PathTemplates.of("/api/webhooks/0195f3a2-7c1e-7a00-8000-3f9c2d1e4b5a/deliveries/42"))
                .isEqualTo("/api/webhooks/{id}/deliveries/{id}");
        assertThat(PathTemplates.of("/api/auth/api-keys/wg_live_abc_secret")).isEqualTo("/api/auth/api-keys/{id}");
        assertThat(PathTemplates.of("/")).isEqualTo("/");
    }
}
