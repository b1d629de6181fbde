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

    @Test
    void onlyIdShapedSegmentsCountAsIds() {
        assertThat(PathTemplates.isId("0195F3A2-7C1E-7A00-8000-3F9C2D1E4B5A")).isTrue();
        assertThat(PathTemplates.isId("12345")).isTrue();
        assertThat(PathTemplates.isId("deadbeefdeadbeef")).isTrue();
        assertThat(PathTemplates.isId("wg_test_x")).isTrue();
        assertThat(PathTemplates.isId("deadbeefdeadbee")).as("15 hex characters").isFalse();
        assertThat(PathTemplates.isId("0195f3a2-7c1e-7a00-8000-3f9c2d1e4b5")).as("35 characters").isFalse();
        assertThat(PathTemplates.isId("0195f3a2x7c1e-7a00-8000-3f9c2d1e4b5a")).as("no dash at 8").isFalse();
        assertThat(PathTemplates.isId("0195f3a2-7c1e-7a00-8000-3f9c2d1e4b5g")).as("not hex").isFalse();
        assertThat(PathTemplates.isId("messages")).isFalse();
        assertThat(PathTemplates.isId("12a")).isFalse();
        assertThat(PathTemplates.isId("")).isFalse();
        assertThat(PathTemplates.of("/api/billing/invoices/12a")).isEqualTo("/api/billing/invoices/12a");
    }
}
