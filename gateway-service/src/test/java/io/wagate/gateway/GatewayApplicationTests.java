package io.wagate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.ServiceConventions;
import io.wagate.testsupport.WagateInfrastructure;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

@WagateInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayApplicationTests {

    private static final AtomicReference<String> lastRequestId = new AtomicReference<>();
    private static final DisposableServer billing = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.get("/api/billing/plans", (request, response) -> {
                lastRequestId.set(request.requestHeaders().get("X-Request-Id"));
                return response.header("Content-Type", "application/json").sendString(reactor.core.publisher.Mono.just("[]"));
            }))
            .bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("wagate.gateway.routes.billing", () -> "http://127.0.0.1:" + billing.port());
    }

    @AfterAll
    static void stopBackend() {
        billing.disposeNow();
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(http(), "gateway-service");
    }

    @Test
    void routesToTheServiceAndForwardsTheRequestId() {
        http().get().uri("/api/billing/plans").header("X-Request-Id", "gateway-route-check")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "gateway-route-check")
                .expectBody().json("[]");
        assertThat(lastRequestId.get()).isEqualTo("gateway-route-check");
    }
}
