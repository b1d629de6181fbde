package io.wagate.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EcsJsonLogFormatterTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    private final EcsJsonLogFormatter formatter = new EcsJsonLogFormatter(new MockEnvironment()
            .withProperty("spring.application.name", "gateway-service")
            .withProperty("spring.application.version", "1.2.3"));

    @Test
    void writesTheEcsFieldsWithDottedPairsNested() {
        LoggingEvent event = event("GET /api/instances 200 3 ms");
        event.setMDCPropertyMap(Map.of("requestId", "abc123def456"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("http.request.method", "GET"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("http.response.status_code", 200));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("event.duration_ms", 3.25));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("tenant.id", ""));

        String line = formatter.format(event);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonNode root = json.readTree(line);
        assertThat(root.get("@timestamp").asString()).isEqualTo("2026-11-21T13:07:00.000000042Z");
        assertThat(root.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(root.at("/log/logger").asString()).isEqualTo("io.wagate.gateway.access");
        assertThat(root.at("/process/pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(root.at("/process/thread/name").asString()).isEqualTo("reactor-http-epoll-1");
        assertThat(root.at("/service/name").asString()).isEqualTo("gateway-service");
        assertThat(root.at("/service/version").asString()).isEqualTo("1.2.3");
        assertThat(root.get("message").asString()).isEqualTo("GET /api/instances 200 3 ms");
        assertThat(root.get("requestId").asString()).isEqualTo("abc123def456");
        assertThat(root.at("/http/request/method").asString()).isEqualTo("GET");
        assertThat(root.at("/http/response/status_code").isInt()).isTrue();
        assertThat(root.at("/http/response/status_code").asInt()).isEqualTo(200);
        assertThat(root.at("/event/duration_ms").asDouble()).isEqualTo(3.25);
        assertThat(root.at("/tenant/id").asString()).isEmpty();
        assertThat(root.at("/ecs/version").asString()).isEqualTo("8.11");
        assertThat(root.has("error")).isFalse();
    }

    @Test
    void escapesWhatWouldBreakTheLineAndWritesTheError() {
        LoggingEvent event = event("quote \" backslash \\ newline \n tab \t bell \u0007 é");
        event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("broken \"state\"")));
        event.addMarker(MarkerFactory.getMarker("AUDIT"));

        String line = formatter.format(event);

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonNode root = json.readTree(line);
        assertThat(root.get("message").asString()).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 é");
        assertThat(root.at("/error/type").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(root.at("/error/message").asString()).isEqualTo("broken \"state\"");
        assertThat(root.at("/error/stack_trace").asString()).contains("EcsJsonLogFormatterTests");
        assertThat(root.get("tags").get(0).asString()).isEqualTo("AUDIT");
    }

    @Test
    void aNameTakenByAValueKeepsBothAndTheFirstValueWins() {
        LoggingEvent event = event("m");
        event.setMDCPropertyMap(Map.of("requestId", "from-mdc"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("requestId", "from-line"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("a", "plain"));
        event.addKeyValuePair(new org.slf4j.event.KeyValuePair("a.b", "nested"));

        JsonNode root = json.readTree(formatter.format(event));

        assertThat(root.get("requestId").asString()).isEqualTo("from-mdc");
        assertThat(root.get("a").asString()).isEqualTo("plain");
        assertThat(root.get("a.b").asString()).isEqualTo("nested");
    }

    @Test
    void timestampsKeepWholeSecondsAndMinutes() {
        LoggingEvent event = event("m");
        event.setInstant(Instant.parse("2026-11-21T13:00:00Z"));
        assertThat(json.readTree(formatter.format(event)).get("@timestamp").asString())
                .isEqualTo("2026-11-21T13:00:00Z");
        event.setInstant(Instant.parse("2026-11-21T13:00:01.5Z"));
        assertThat(json.readTree(formatter.format(event)).get("@timestamp").asString())
                .isEqualTo("2026-11-21T13:00:01.500000000Z");
    }

    private LoggingEvent event(String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName("io.wagate.gateway.access");
        event.setLevel(Level.INFO);
        event.setThreadName("reactor-http-epoll-1");
        event.setMessage(message);
        event.setInstant(Instant.parse("2026-11-21T13:07:00.000000042Z"));
        return event;
    }
}
