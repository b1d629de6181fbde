package io.wagate.gateway;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenVerifier;
import io.wagate.support.identity.InternalTokens;
import io.wagate.testsupport.TestIdentityKeys;
import io.wagate.testsupport.WagateInfrastructure;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The one application context of the module's tests: the gateway on a random port with real Redis and Kafka, a stub
 * auth-service, a stub instance-service and billing-service, and a webhook-dispatcher that is down (a closed port).
 * Every test class extends this class unchanged, so Spring builds the context once. Tests isolate themselves with
 * fresh tenants, keys and probe ids.
 */
@WagateInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayIntegrationTest {

    static final StubAuthService auth = new StubAuthService();
    static final BackendRecorder backend = new BackendRecorder();
    static final DisposableServer services = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.route(request -> true, backend::handle))
            .bindNow();
    static final int closedPort = closedPort();
    static final InternalTokenVerifier internalTokens = new InternalTokenVerifier(
            InternalTokens.publicKey(TestIdentityKeys.publicKeyBase64()), Clock.systemUTC());

    static {
        auth.publish(UserTokens.EC_KID, UserTokens.EC.getPublic());
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> "0");
        String servicesUrl = "http://127.0.0.1:" + services.port();
        registry.add("wagate.gateway.routes.auth", auth::url);
        registry.add("wagate.gateway.routes.instances", () -> servicesUrl);
        registry.add("wagate.gateway.routes.billing", () -> servicesUrl);
        registry.add("wagate.gateway.routes.webhooks", () -> "http://127.0.0.1:" + closedPort);
        registry.add("wagate.gateway.routes.timeouts.instances", () -> "1s");
        registry.add("wagate.gateway.authentication.jwks-min-refetch-interval", () -> "1s");
        registry.add("resilience4j.circuitbreaker.instances.webhooks.minimum-number-of-calls", () -> "3");
        registry.add("resilience4j.circuitbreaker.instances.webhooks.sliding-window-size", () -> "3");
        registry.add("resilience4j.circuitbreaker.instances.webhooks.wait-duration-in-open-state", () -> "60s");
    }

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** Health and metrics: the management port, never the public one. */
    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
    }

    static String probe() {
        return UUID.randomUUID().toString();
    }

    /** The identity a service received for the request with this probe. */
    static InternalIdentity identityReceived(BackendRecorder recorder, String probe) {
        String token = recorder.received.get(probe).get(InternalTokens.HEADER);
        return internalTokens.verify(token);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
