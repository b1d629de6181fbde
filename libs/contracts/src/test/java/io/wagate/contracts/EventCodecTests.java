package io.wagate.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTests {

    private final EventCodec codec = EventCodec.standard();
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<EventData> payloads() {
        return EventFixtures.everyPayload().stream();
    }

    @Test
    void everyCataloguedTypeHasAFixture() {
        assertThat(payloads().map(EventData::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.standard().entries().values());
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void roundTripsEveryPayloadThroughStructuredJson(EventData data) {
        CloudEvent<EventData> event = CloudEvent.create("/test", EventFixtures.TENANT.toString(),
                EventFixtures.INSTANCE.toString(), "sales-bot", data);

        CloudEvent<?> decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.data()).isInstanceOf(data.getClass());
    }

    @Test
    void writesTheCloudEventsAttributeNames() {
        CloudEvent<?> event = CloudEvent.create("/session-worker", "t1", "i1", "bot",
                new SessionStatusChanged(1, SessionStatus.CONNECTED, SessionStatus.QR_REQUIRED, SessionReason.LOGGED_IN, 0,
                        null));

        JsonNode node = json.readTree(codec.encode(event));

        assertThat(node.get("specversion").asString()).isEqualTo("1.0");
        assertThat(node.get("type").asString()).isEqualTo("io.wagate.session.status_changed.v1");
        assertThat(node.get("tenantid").asString()).isEqualTo("t1");
        assertThat(node.get("instanceid").asString()).isEqualTo("i1");
        assertThat(node.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(node.get("data").get("status").asString()).isEqualTo("CONNECTED");
        assertThat(node.get("data").get("reason").asString()).isEqualTo("logged_in");
    }

    @Test
    void toleratesUnknownAttributesFieldsAndEnumValues() {
        String future = """
                {"specversion":"1.0","id":"e-1","source":"/session-worker","type":"io.wagate.session.status_changed.v1",
                 "time":"2026-11-21T10:00:00Z","instanceid":"i1","traceparent":"00-abc-def-01","partitionkey":"x",
                 "data":{"sequence":9,"status":"CONNECTED","previous":"RECONNECTING","reason":"some_new_reason",
                         "attempt":0,"newField":{"nested":true}}}
                """;

        CloudEvent<?> event = codec.decode(future);

        SessionStatusChanged data = event.dataAs(SessionStatusChanged.class);
        assertThat(data.sequence()).isEqualTo(9);
        assertThat(data.reason()).isEqualTo(SessionReason.UNKNOWN);
        assertThat(event.tenantId()).isNull();
    }

    @Test
    void keepsUnknownEventTypesAsRawDataAndWritesThemBackUnchanged() {
        String future = """
                {"specversion":"1.0","id":"e-2","source":"/future","type":"io.wagate.something.new.v1",
                 "time":"2026-11-21T10:00:00Z","data":{"a":1}}
                """;

        CloudEvent<?> event = codec.decode(future);

        assertThat(event.data()).isInstanceOf(UnknownEventData.class);
        assertThat(json.readTree(codec.encode(event)).get("data").get("a").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1,2]",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"time\":\"2026-11-21T10:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"0.3\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"2026-11-21T10:00:00Z\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"yesterday\",\"data\":{}}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"io.wagate.session.status_changed.v1\",\"time\":\"2026-11-21T10:00:00Z\"}",
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"io.wagate.session.status_changed.v1\",\"time\":\"2026-11-21T10:00:00Z\",\"data\":{\"sequence\":\"many\"}}",
            "{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"2026-11-21T10:00:00Z\",\"data\":{}}"
    })
    void rejectsMalformedEventsWithATypedException(String input) {
        assertThatThrownBy(() -> codec.decode(input.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void eventIdsAreTimeOrderedVersion7Uuids() {
        var first = EventIds.newUuid();
        var second = EventIds.newUuid();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isLessThanOrEqualTo(second.getMostSignificantBits() >>> 16);
        assertThat(first).isNotEqualTo(second);
    }
}
