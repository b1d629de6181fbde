package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ResilienceTests extends GatewayIntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    private final String token = UserTokens.owner(UUID.randomUUID(), "user-resilience");

    @Test
    void aServiceThatIsDownAnswers503AndItsBreakerOpens() {
        for (int i = 0; i < 3; i++) {
            expectUnavailable(http().get().uri("/api/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()).jsonPath("$.detail").isEqualTo("The webhooks service cannot be reached");
        }
        assertThat(breakers.circuitBreaker("webhooks").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        expectUnavailable(http().get().uri("/api/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange())
                .jsonPath("$.detail").isEqualTo("The webhooks service is failing; the gateway stopped calling it for a moment");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeAnswers504() {
        http().get().uri("/api/instances/slow").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/gateway-timeout");
    }

    @Test
    void aPostIsNeverRepeatedWhenTheServiceHangsUp() throws InterruptedException {
        String probe = probe();
        expectUnavailable(http().post().uri("/api/billing/checkout/hang-up")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"plan\":\"pro\"}")
                .exchange());
        Thread.sleep(300);
        assertThat(backend.calls(probe)).isEqualTo(1);
    }

    private static WebTestClient.BodyContentSpec expectUnavailable(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/service-unavailable");
    }
}
