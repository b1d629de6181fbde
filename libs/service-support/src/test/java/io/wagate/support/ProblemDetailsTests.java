package io.wagate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.wagate.support.web.RequestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

class ProblemDetailsTests extends SupportIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON               | {\"name\": \"ann\",                        | 400 | malformed-json",
            "unknown field                | {\"name\":\"ann\",\"times\":1,\"tags\":[],\"admin\":true} | 400 | unknown-field",
            "wrong type                   | {\"name\":\"ann\",\"times\":\"many\",\"tags\":[]} | 400 | invalid-field-type",
            "wrong type in array          | {\"name\":\"ann\",\"times\":1,\"tags\":[{}]}      | 400 | invalid-field-type",
            "null primitive               | {\"name\":\"ann\",\"times\":null,\"tags\":[]}    | 400 | invalid-field-type",
            "failed validation            | {\"name\":\"\",\"times\":1,\"tags\":[]}          | 400 | validation-failed",
            "too long                     | {\"name\":\"abcdefghijklmnopqrstuvwxyz\",\"times\":1,\"tags\":[]} | 400 | validation-failed",
            "array instead of object      | [1,2,3]                                    | 400 | invalid-field-type",
            "trailing garbage             | {\"name\":\"ann\",\"times\":1,\"tags\":[]} xyz   | 400 | malformed-json",
            "second JSON value            | {\"name\":\"ann\",\"times\":1,\"tags\":[]} {}    | 400 | malformed-json",
            "control characters in name   | {\"name\":\"a\u0001b\",\"times\":1,\"tags\":[]}  | 400 | malformed-json",
    })
    void badBodiesAreProblems(String label, String body, int status, String type) {
        http.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/" + type)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.instance").isEqualTo("/echo")
                .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void validBodyIsAccepted() {
        http.post().uri("/echo").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "ann", "times", 2, "tags", java.util.List.of("x")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("ann");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"name\":\"" + "x".repeat(400_000) + "\",\"times\":1,\"tags\":[]}";
        http.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/payload-too-large");
    }

    @Test
    void wrongMediaTypeIs415() {
        http.post().uri("/echo").contentType(MediaType.TEXT_PLAIN).bodyValue("name=ann")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/unsupported-media-type");
    }

    @Test
    void unknownRouteIs404Problem() {
        http.get().uri("/nothing/here")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/not-found");
    }

    @Test
    void wrongMethodIs405Problem() {
        http.delete().uri("/echo")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/method-not-allowed");
    }

    @Test
    void domainProblemKeepsItsType() {
        http.get().uri("/conflict")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/conflict")
                .jsonPath("$.detail").isEqualTo("already there");
    }

    @Test
    void unexpectedErrorsRevealNothingInternal() {
        byte[] body = http.get().uri("/boom")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/internal-error")
                .returnResult().getResponseBody();
        assertThat(new String(body)).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
    }

    @Test
    void aClientThatWentAwayIsNotLoggedAsAnError() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        try {
            http.get().uri("/gone").exchange();
            http.get().uri("/boom").exchange().expectStatus().isEqualTo(500);
            await().atMost(Duration.ofSeconds(5)).until(() -> errors(events).stream()
                    .anyMatch(event -> event.getFormattedMessage().contains("Unhandled error")));
            // Only /boom's failure is logged: neither the problem mapper nor Spring's handler logs the lost client.
            assertThat(errors(events)).singleElement()
                    .satisfies(event -> assertThat(event.getThrowableProxy().getClassName())
                            .isEqualTo(IllegalStateException.class.getName()));
        } finally {
            root.detachAppender(events);
        }
    }

    private static List<ILoggingEvent> errors(ListAppender<ILoggingEvent> events) {
        synchronized (events.list) {
            // Warnings too ("Failure in @ExceptionHandler"); other tests' servers in this JVM log under other names.
            return events.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .filter(event -> event.getLoggerName().startsWith("io.wagate.support.web")
                            || event.getLoggerName().startsWith("org.springframework.web"))
                    .toList();
        }
    }

    @Test
    void requestIdIsEchoedAndReachesTheMdcInHandleOnAnyThread() {
        String id = "test-request-0001";
        http.get().uri("/mdc").header(RequestIds.HEADER, id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, id)
                .expectBody()
                .jsonPath("$.requestId").isEqualTo(id)
                .jsonPath("$.outsideHandle").isEqualTo("null")
                .jsonPath("$.thread").value(thread -> assertThat((String) thread).contains("boundedElastic"));
    }

    @Test
    void unsafeRequestIdsAreReplaced() {
        String returned = http.get().uri("/mdc").header(RequestIds.HEADER, "bad id\twith spaces")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestIds.HEADER);
        assertThat(returned).isNotBlank().doesNotContain(" ").hasSize(20);
    }
}
