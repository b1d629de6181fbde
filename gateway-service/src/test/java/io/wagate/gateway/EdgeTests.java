package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

class EdgeTests extends GatewayIntegrationTest {

    @Test
    void aPreflightFromTheDashboardIsAnsweredWithoutCredentials() {
        http().options().uri("/api/instances")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void otherOriginsGetNoCorsPermission() {
        http().options().uri("/api/instances")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        http().get().uri("/api/instances").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'none'"))
                // Plain HTTP: HSTS is only meaningful (and only sent) over HTTPS.
                .expectHeader().doesNotExist("Strict-Transport-Security");
        http().get().uri("/api/instances")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + UserTokens.owner(UUID.randomUUID(), "u"))
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void theAccessLogLineCarriesTheRequestIdAndNoCredential() {
        String requestId = "edge-" + UUID.randomUUID();
        String token = UserTokens.owner(UUID.randomUUID(), "u");
        try (AccessLogLines lines = new AccessLogLines()) {
            http().get().uri("/api/instances")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header("X-Request-Id", requestId)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Request-Id", requestId);
            ILoggingEvent line = lines.awaitLineOf(requestId);
            assertThat(Double.parseDouble(fields(line).get("upstream.duration_ms")))
                    .isPositive().isLessThanOrEqualTo(Double.parseDouble(fields(line).get("event.duration_ms")));
            assertThat(fields(line)).containsEntry("http.response.status_code", "200")
                    .containsEntry("url.path_template", "/api/instances")
                    .containsEntry("principal.type", "user");
            assertThat(line.getFormattedMessage() + fields(line)).doesNotContain(token);
            assertThat(meters.get("wagate.gateway.overhead").tag("route", "instances").timer().count()).isPositive();
        }
    }

    @Test
    void probesOnTheManagementPortAreNotLoggedButActuatorPathsOnThePublicPortAre() {
        String probe = "probe-" + UUID.randomUUID();
        String outsider = "outsider-" + UUID.randomUUID();
        try (AccessLogLines lines = new AccessLogLines()) {
            management().get().uri("/actuator/health").header("X-Request-Id", probe).exchange()
                    .expectStatus().isOk();
            http().get().uri("/actuator/health").header("X-Request-Id", outsider).exchange()
                    .expectStatus().isNotFound();
            assertThat(fields(lines.awaitLineOf(outsider))).containsEntry("http.response.status_code", "404");
            assertThat(lines.hasLineOf(probe)).isFalse();
        }
    }

    /** The gateway's access log lines written while it is open. */
    private static final class AccessLogLines implements AutoCloseable {
        private final Logger accessLog = (Logger) LoggerFactory.getLogger("io.wagate.gateway.access");
        private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

        AccessLogLines() {
            lines.start();
            accessLog.addAppender(lines);
        }

        /** The line of the request with this id, waiting for it up to 5 s (it is written when the answer is done). */
        ILoggingEvent awaitLineOf(String requestId) {
            await().atMost(Duration.ofSeconds(5)).until(() -> hasLineOf(requestId));
            return lines.list.stream().filter(line -> requestId.equals(fields(line).get("requestId"))).findFirst()
                    .orElseThrow();
        }

        boolean hasLineOf(String requestId) {
            return lines.list.stream().anyMatch(line -> requestId.equals(fields(line).get("requestId")));
        }

        @Override
        public void close() {
            accessLog.detachAppender(lines);
        }
    }

    private static Map<String, String> fields(ILoggingEvent line) {
        Map<String, String> fields = new HashMap<>(line.getMDCPropertyMap());
        if (line.getKeyValuePairs() != null) {
            line.getKeyValuePairs().forEach(pair -> fields.put(pair.key, String.valueOf(pair.value)));
        }
        return fields;
    }

    @Test
    void oversizedBodiesAnswer413() {
        String probe = probe();
        http().post().uri("/api/messages/text")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + UserTokens.owner(UUID.randomUUID(), "u"))
                .header(BackendRecorder.PROBE, probe)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/payload-too-large");
        assertThat(backend.calls(probe)).isZero();
    }

    @Test
    void oversizedChunkedBodiesAnswer413WhileStreaming() {
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        http().post().uri("/api/messages/text")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + UserTokens.owner(UUID.randomUUID(), "u"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/payload-too-large");
    }
}
