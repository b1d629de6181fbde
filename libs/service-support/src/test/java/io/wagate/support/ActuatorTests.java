package io.wagate.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ActuatorTests extends SupportIntegrationTest {

    @Test
    void healthAndProbesAreUp() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusExposesTaggedMetrics() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("application=\"support-test\"").contains("http_server_requests_seconds");
    }

    @Test
    void logEventsAreCountedWithoutATurboFilterOnEveryLevelCheck() {
        LoggerFactory.getLogger("io.wagate.support.actuator-test").warn("a warning to count");
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).containsPattern("logback_events_total\\{[^}]*level=\"warn\"[^}]*\\} [1-9]");
        // Spring Boot's Logback metrics would add one; Logback then runs it on every isDebugEnabled().
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
    }
}
