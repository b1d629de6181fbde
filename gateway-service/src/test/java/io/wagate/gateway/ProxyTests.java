package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.gateway.routing.internal.ServiceProxyFilter;
import io.wagate.support.identity.InternalTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;

/** What the gateway passes on to a service and back, beyond identity (see {@link AuthenticationTests}). */
class ProxyTests extends GatewayIntegrationTest {

    private final String token = UserTokens.owner(UUID.randomUUID(), "user-proxy");

    @Autowired
    List<GlobalFilter> globalFilters;

    @Test
    void theGatewaysOwnFilterIsTheOnlyOneThatCallsServices() {
        // Spring Cloud Gateway's Netty and WebSocket routing filters are switched off: a new version that renames a
        // switch would route a request twice, or with the client's headers unfiltered, and shows up here. So is the
        // filter that merges the route's URI and the request's path into a URL, which the gateway's own does not read.
        assertThat(globalFilters).extracting(filter -> filter.getClass().getSimpleName())
                .contains(ServiceProxyFilter.class.getSimpleName(), "NettyWriteResponseFilter")
                .doesNotContain("NettyRoutingFilter", "WebsocketRoutingFilter", "RouteToRequestUrlFilter");
    }

    @Autowired
    List<WebFilter> webFilters;

    @Test
    void noWebFilterWorksOutRouteWeightsForRoutesThatHaveNone() {
        assertThat(webFilters).extracting(filter -> filter.getClass().getSimpleName())
                .contains("AccessLogWebFilter")
                .doesNotContain("WeightCalculatorWebFilter");
    }

    @Test
    void theMethodPathQueryAndBodyArriveUnchangedAtTheServicesOwnAuthority() {
        String probe = probe();
        String body = "{\"to\":\"+4915112345678\",\"text\":\"Grüße, 👋 & more\"}";
        http().post().uri(URI.create("http://localhost:" + port
                        + "/api/messages/te%20xt?dry-run=true&tag=a%20b&tag=c%2Fd"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe)
                .header(HttpHeaders.ACCEPT, "application/problem+json")
                .header(HttpHeaders.USER_AGENT, "wagate-test/1.0")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true);

        assertThat(backend.uris.get(probe)).isEqualTo("/api/messages/te%20xt?dry-run=true&tag=a%20b&tag=c%2Fd");
        assertThat(backend.bodies.get(probe)).isEqualTo(body);
        var received = backend.received.get(probe);
        assertThat(received.getAll(HttpHeaders.HOST)).containsExactly("127.0.0.1:" + services.port());
        assertThat(received.getAll(HttpHeaders.ACCEPT)).as("the client's, not the proxy client's default")
                .containsExactly("application/problem+json");
        assertThat(received.getAll(HttpHeaders.USER_AGENT)).containsExactly("wagate-test/1.0");
        assertThat(received.get(HttpHeaders.CONTENT_LENGTH))
                .isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        assertThat(received.getAll(InternalTokens.HEADER)).hasSize(1);
    }

    @Test
    void aChunkedBodyArrivesWhole() {
        String probe = probe();
        http().post().uri("/api/messages/text")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.just("{\"a\":", "1}").map(text -> DefaultDataBufferFactory.sharedInstance
                        .wrap(text.getBytes(StandardCharsets.UTF_8))), DataBuffer.class)
                .exchange()
                .expectStatus().isOk();
        assertThat(backend.bodies.get(probe)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aWebSocketUpgradeIsNotPassedOnAndTheRequestIsFilteredLikeAnyOther() {
        String probe = probe();
        http().get().uri("/api/instances")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe)
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.UPGRADE, "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header(InternalTokens.HEADER, "forged-by-the-client")
                .exchange()
                .expectStatus().isOk();
        var received = backend.received.get(probe);
        assertThat(received.get(HttpHeaders.UPGRADE)).isNull();
        assertThat(received.getAll(InternalTokens.HEADER)).hasSize(1).doesNotContain("forged-by-the-client");
    }

    @Test
    void theAnswersStatusAndHeadersComeBackWithoutItsHopByHopHeaders() {
        http().get().uri("/api/instances/hop")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(299)
                .expectHeader().valuesMatch("X-Service", "one", "two")
                .expectHeader().doesNotExist("X-Hop-Answer")
                .expectHeader().doesNotExist("Keep-Alive")
                .expectHeader().doesNotExist("Proxy-Authenticate")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotBlank())
                .expectBody().jsonPath("$.ok").isEqualTo(true);
    }

    @Test
    void aLargeAnswerArrivesIntact() {
        String probe = probe();
        byte[] body = http().get().uri("/api/instances/large")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentLength(BackendRecorder.LARGE_ANSWER_BYTES)
                .expectBody().returnResult().getResponseBody();
        assertThat(body).hasSize(BackendRecorder.LARGE_ANSWER_BYTES);
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("{\"data\":\"xxx").endsWith("xxx\"}");
    }

    @Test
    void anAnswerWithoutABodyPassesThrough() {
        String probe = probe();
        http().get().uri("/api/instances/empty")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(BackendRecorder.PROBE, probe)
                .exchange()
                .expectStatus().isNoContent()
                .expectBody().isEmpty();
    }

    @Test
    void theResponseTimeoutBoundsTheWaitForTheHeadersNotAStreamedBody() {
        // The instances route waits 1 s for an answer's headers (GatewayIntegrationTest); this body takes 1.5 s.
        String body = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/instances/trickle")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo("first\nsecond\n");
    }
}
