package io.wagate.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's run command: everything comes up healthy, and Ctrl-C leaves no process behind. */
class RunCommandIT {

    private static final Map<String, String> HEALTH = Map.of(
            "WAGATE_GATEWAY_MANAGEMENT_PORT", "/actuator/health",
            "WAGATE_AUTH_PORT", "/actuator/health",
            "WAGATE_INSTANCE_PORT", "/actuator/health",
            "WAGATE_SESSION_WORKER_PORT", "/actuator/health",
            "WAGATE_WEBHOOK_PORT", "/actuator/health",
            "WAGATE_BILLING_PORT", "/actuator/health",
            "WAGATE_SANDBOX_PORT", "/api/sandbox/health");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyProcessIsHealthyAndCtrlCStopsThemAll() throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(Duration.ofMinutes(6))) {
            for (Map.Entry<String, String> service : HEALTH.entrySet()) {
                URI uri = URI.create("http://127.0.0.1:" + platform.port(service.getKey()) + service.getValue());
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
                JsonNode body = json.readTree(response.body());
                assertThat(body.get("status").asString()).as(uri.toString()).isEqualTo("UP");
            }
            URI publicHealth = URI.create("http://127.0.0.1:" + platform.port("WAGATE_GATEWAY_PORT") + "/actuator/health");
            assertThat(http.send(HttpRequest.newBuilder(publicHealth).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("the gateway's public port has no actuator")
                    .isEqualTo(404);
            assertThat(platform.output()).contains("http://localhost:" + platform.port("WAGATE_GATEWAY_PORT") + "/api")
                    .contains("docs/getting-started.md");
            assertThat(platform.logOf("auth-service")).hasValueSatisfying(log ->
                    assertThat(log.lines().filter(line -> line.startsWith("{")).findFirst())
                            .as("services log structured JSON").isPresent());

            List<ProcessHandle> tree = platform.processTree();
            assertThat(tree).as("launcher, infrastructure, sandbox and six services").hasSizeGreaterThanOrEqualTo(9);

            assertThat(platform.interrupt(Duration.ofSeconds(120))).as("./wagate exits after Ctrl-C").isTrue();

            assertThat(tree.stream().filter(ProcessHandle::isAlive).toList()).as("processes left after Ctrl-C").isEmpty();
            assertThat(platform.processesMentioningRun()).as("processes mentioning the run folder").isEmpty();
            assertThat(platform.output()).contains("Stopped.");
        }
    }
}
