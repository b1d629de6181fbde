package io.wagate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.sandbox.support.SandboxApiClient;
import io.wagate.sandbox.support.SandboxTestSupport;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API's contract: JSON in and out, clear 4xx errors. */
class SandboxHttpApiTest {

    private static SandboxServer sandbox;
    private static SandboxApiClient api;

    @BeforeAll
    static void start() {
        sandbox = SandboxTestSupport.startSandbox();
        api = new SandboxApiClient(sandbox.httpBase());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void healthAndRootKey() {
        assertThat(api.get("/api/sandbox/health").body().get("status").asString()).isEqualTo("UP");
        SandboxApiClient.Reply key = api.get("/api/sandbox/root-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(HexFormat.of().parseHex(key.body().get("hex").asString())).isEqualTo(sandbox.rootPublicKey());
    }

    @Test
    void phonesAreCreatedWithGivenOrRandomNumbers() {
        SandboxApiClient.Reply given = api.post("/api/sandbox/phones", Map.of("number", "4915112345678",
                "pushName", "Alice"));
        assertThat(given.status()).isEqualTo(201);
        assertThat(given.body().get("number").asString()).isEqualTo("4915112345678");
        assertThat(given.body().get("pushName").asString()).isEqualTo("Alice");
        assertThat(api.post("/api/sandbox/phones", Map.of("number", "4915112345678")).status()).isEqualTo(409);
        assertThat(api.post("/api/sandbox/phones", Map.of("number", "+49 151")).status()).isEqualTo(400);
        assertThat(api.createPhone()).matches("1555\\d{8}");
        assertThat(api.get("/api/sandbox/phones/4915112345678").body().get("devices").size()).isZero();
        assertThat(api.get("/api/sandbox/phones/999").status()).isEqualTo(404);
    }

    @Test
    void badRequestsGetClearErrors() {
        String number = api.createPhone();
        assertThat(api.postRaw("/api/sandbox/phones", "{not json").status()).isEqualTo(400);
        SandboxApiClient.Reply missing = api.post("/api/sandbox/phones/" + number + "/scan", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("error").asString()).contains("qr");
        assertThat(api.post("/api/sandbox/phones/" + number + "/scan", Map.of("qr", "hello")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/sandbox/faults", Map.of("type", "meteor")).status()).isEqualTo(400);
        assertThat(api.post("/api/sandbox/faults", Map.of("type", "drop_socket")).status()).isEqualTo(400);
        assertThat(api.post("/api/sandbox/faults", Map.of("type", "drop_socket", "number", number)).status())
                .isEqualTo(409);
        assertThat(api.post("/api/sandbox/faults", Map.of("type", "frame_delay", "number", number)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/sandbox/certificate", Map.of("mode", "odd")).status()).isEqualTo(400);
        assertThat(api.post("/api/sandbox/connections/424242/qr-refresh", Map.of()).status()).isEqualTo(404);
        assertThat(api.delete("/api/sandbox/phones/" + number + "/devices/7").status()).isEqualTo(404);
    }

    @Test
    void loginFailuresAreArmedAndListed() {
        String number = api.createPhone();
        SandboxApiClient.Reply armed = api.post("/api/sandbox/faults", Map.of("type", "failure_405",
                "number", number));
        assertThat(armed.status()).isEqualTo(202);
        assertThat(armed.body().get("armed").asBoolean()).isTrue();
        assertThat(api.get("/api/sandbox/faults").body().toString()).contains("failure_405");
    }

    @Test
    void connectionHistoryIsExposed() {
        assertThat(api.get("/api/sandbox/connections").status()).isEqualTo(200);
        assertThat(api.get("/api/sandbox/connections/overlaps").body().isArray()).isTrue();
    }
}
