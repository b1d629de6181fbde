package io.wagate.session.managed.internal;

import io.wagate.contracts.session.Engine;
import io.wagate.engine.client.EngineConfig;
import io.wagate.session.managed.EngineProperties;
import io.wagate.session.managed.SandboxProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds the engine configuration of each network. The sandbox's root key is looked up once, on the first sandbox
 * connection rather than at start-up, so that a worker starts even while the sandbox is not up yet.
 */
public final class EngineConfigs {

    private static final Pattern HEX = Pattern.compile("\"hex\"\\s*:\\s*\"([0-9a-fA-F]{64})\"");

    private final EngineProperties engine;
    private final SandboxProperties sandbox;
    private final Executor socketExecutor;
    private volatile @Nullable EngineConfig sandboxConfig;

    public EngineConfigs(EngineProperties engine, SandboxProperties sandbox, Executor socketExecutor) {
        this.engine = engine;
        this.sandbox = sandbox;
        this.socketExecutor = socketExecutor;
    }

    /** Blocking on the first sandbox call (HTTP lookup); call from a thread that may block. */
    public EngineConfig forEngine(Engine network) {
        return switch (network) {
            case WEB -> common().build();
            case SANDBOX -> sandboxConfig();
        };
    }

    private EngineConfig sandboxConfig() {
        EngineConfig config = sandboxConfig;
        if (config == null) {
            config = common().endpoint(chatEndpoint(sandbox.url())).rootPublicKey(sandboxRootKey()).build();
            sandboxConfig = config;
        }
        return config;
    }

    private EngineConfig.Builder common() {
        return EngineConfig.builder()
                .deviceName(engine.deviceName())
                .connectTimeout(engine.connectTimeout())
                .iqTimeout(engine.iqTimeout())
                .qrTimeouts(engine.firstQrTimeout(), engine.nextQrTimeout())
                .preKeys(engine.preKeyUploadBatch(), 5)
                .executor(socketExecutor);
    }

    static URI chatEndpoint(URI http) {
        String scheme = "https".equals(http.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + http.getAuthority() + "/ws/chat");
    }

    private byte[] sandboxRootKey() {
        String configured = sandbox.rootKey();
        if (configured != null && !configured.isBlank()) {
            return parseKey(configured.trim());
        }
        URI uri = sandbox.url().resolve("/api/sandbox/root-key");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher hex = HEX.matcher(response.body());
            if (response.statusCode() != 200 || !hex.find()) {
                throw new IllegalStateException("The sandbox at " + uri + " answered " + response.statusCode()
                        + " without a root key");
            }
            return HexFormat.of().parseHex(hex.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the sandbox at " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching the sandbox root key", e);
        }
    }

    static byte[] parseKey(String value) {
        byte[] key = value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? HexFormat.of().parseHex(value)
                : Base64.getDecoder().decode(value);
        if (key.length != 32) {
            throw new IllegalStateException("wagate.sessions.sandbox.root-key must be 32 bytes (hex or Base64)");
        }
        return key;
    }
}
