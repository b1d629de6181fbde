package io.wagate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The checks every service's boot test runs against its running instance: health and probes up, Prometheus
 * metrics tagged with the application, and problem+json with a request id for an unknown route.
 */
public final class ServiceConventions {

    private ServiceConventions() {
    }

    public static void verify(WebTestClient http, String applicationName) {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("application=\"" + applicationName + "\"").contains("jvm_memory_used_bytes");
        http.get().uri("/definitely/not/a/route").header("X-Request-Id", "conventions-check-1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "conventions-check-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/not-found")
                .jsonPath("$.requestId").isEqualTo("conventions-check-1");
    }
}
