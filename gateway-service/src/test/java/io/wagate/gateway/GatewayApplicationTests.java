package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import io.wagate.gateway.routing.GatewayRoutesProperties;
import io.wagate.gateway.routing.internal.EventLoopAffineConnectionProvider;
import io.wagate.gateway.routing.internal.RouteTableHandlerMapping;
import io.wagate.testsupport.ServiceConventions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.netty.http.client.HttpClient;

class GatewayApplicationTests extends GatewayIntegrationTest {

    @Autowired
    HttpClient proxyClient;

    @Autowired
    HttpClientProperties proxyClientProperties;

    @Autowired
    GatewayRoutesProperties routes;

    @Test
    void theProxyClientCarriesTheConnectTimeoutSoNoRequestCopiesItsConfiguration() {
        assertThat(proxyClient.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS))
                .isEqualTo((int) routes.timeouts().connect().toMillis());
        // Spring Cloud Gateway applies a connect timeout from its own properties (or route metadata) per request, by
        // copying the client: neither may be set.
        assertThat(proxyClientProperties.getConnectTimeout()).isNull();
    }

    @Test
    void theProxyClientPoolsItsConnectionsPerEventLoop() {
        assertThat(proxyClient.configuration().connectionProvider())
                .isInstanceOf(EventLoopAffineConnectionProvider.class);
    }

    @Test
    void routesAreLookedUpFirstInTheGatewaysRouteTableAndAPathNoRouteTakesIsNotFound(
            @Autowired RoutePredicateHandlerMapping mapping) {
        // Requests reaching the services through it: ProxyTests, ApiKeyTests and the others.
        assertThat(mapping).isInstanceOf(RouteTableHandlerMapping.class);
        assertThat(mapping.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
        http().get().uri("/no-route-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(http(), management(), "gateway-service");
    }

    @Test
    void healthAndMetricsAreNotServedOnThePublicPort() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            String body = http().get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).as(path).doesNotContain("jvm_").doesNotContain("\"UP\"");
        }
        management().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void routesToTheServiceAndForwardsTheRequestId() {
        String probe = probe();
        http().get().uri("/api/billing/plans").header("X-Request-Id", "gateway-route-check")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + UserTokens.owner(UUID.randomUUID(), "u"))
                .header(BackendRecorder.PROBE, probe)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().values("X-Request-Id",
                        values -> assertThat(values).as("one request id").containsExactly("gateway-route-check"))
                .expectBody().json("{\"ok\":true}");
        assertThat(backend.received.get(probe).get("X-Request-Id")).isEqualTo("gateway-route-check");
    }

    @Test
    void publishesMeaningfulMetrics() {
        http().get().uri("/api/instances").exchange().expectStatus().isUnauthorized();
        String scrape = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .contains("wagate_gateway_auth_total{")
                .contains("result=\"missing\"")
                .contains("wagate_gateway_requests_seconds_count{")
                .contains("principal_type=\"anonymous\"");
    }
}
