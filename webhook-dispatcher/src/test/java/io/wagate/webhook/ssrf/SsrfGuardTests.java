package io.wagate.webhook.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.webhook.TestWebhookProperties;
import io.wagate.webhook.WebhookProperties;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

class SsrfGuardTests {

    @Test
    void forbiddenAddressesInBothFamilies() {
        for (String ip : List.of("127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "224.0.0.1",
                "255.255.255.255", "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:7f00:1::1",
                "fd00:ec2::254")) {
            assertThat(AddressPolicy.forbidden(AddressPolicy.literal(ip))).as(ip).isTrue();
        }
    }

    @Test
    void publicAddressesAreAllowed() {
        for (String ip : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.253.1.1", "192.169.0.1",
                "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808")) {
            assertThat(AddressPolicy.forbidden(AddressPolicy.literal(ip))).as(ip).isFalse();
        }
    }

    @Test
    void loopbackNamesAndLiteralsAreRefusedUnlessAllowed() throws Exception {
        SsrfGuard strict = new SsrfGuard(properties(List.of()));
        assertThatThrownBy(() -> strict.resolve("127.0.0.1")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(ForbiddenAddressException.class);

        SsrfGuard lenient = new SsrfGuard(properties(List.of("127.0.0.1")));
        assertThat(lenient.resolve("127.0.0.1")).containsExactly(InetAddress.ofLiteral("127.0.0.1"));
        assertThatThrownBy(() -> lenient.resolve("localhost")).isInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void theHttpClientsResolverRefusesToConnectToForbiddenAddresses() {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.status(200).send()).bindNow();
        try {
            String url = "http://127.0.0.1:" + server.port() + "/";
            assertThatThrownBy(() -> client(List.of()).get().uri(url).retrieve().toBodilessEntity()
                    .block(Duration.ofSeconds(5)))
                    .hasRootCauseInstanceOf(ForbiddenAddressException.class);
            assertThat(client(List.of("127.0.0.1")).get().uri(url).retrieve().toBodilessEntity()
                    .block(Duration.ofSeconds(5)).getStatusCode().value()).isEqualTo(200);
        } finally {
            server.disposeNow();
        }
    }

    private static WebClient client(List<String> allowed) {
        HttpClient http = HttpClient.create()
                .resolver(new GuardedAddressResolverGroup(new SsrfGuard(properties(allowed))));
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    private static WebhookProperties properties(List<String> allowedPrivate) {
        Map<String, Object> settings = new HashMap<>(Map.of("request-timeout", "2s", "connect-timeout", "2s"));
        if (!allowedPrivate.isEmpty()) {
            settings.put("allowed-private-hosts", String.join(",", allowedPrivate));
        }
        return TestWebhookProperties.of(settings);
    }
}
