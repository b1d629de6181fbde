package io.wagate.sandbox;

import io.wagate.engine.noise.CertificateAuthority;
import io.wagate.sandbox.api.SandboxHttpApi;
import io.wagate.sandbox.chat.ChatServer;
import io.wagate.sandbox.history.ConnectionHistory;
import io.wagate.sandbox.phone.PhoneRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.HexFormat;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A running sandbox: WebSocket {@code /ws/chat} and the HTTP API on one port. Embeddable:
 * {@code try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.forTests(20))) { ... }}.
 */
public final class SandboxServer implements AutoCloseable {

    private final DisposableServer http;
    private final CertificateAuthority authority;
    private final PhoneRegistry phones;
    private final ConnectionHistory history;
    private final ChatServer chat;
    private final SandboxConfig config;

    private SandboxServer(SandboxConfig config) {
        Clock clock = Clock.systemUTC();
        this.config = config;
        this.authority = CertificateAuthority.generate();
        this.phones = new PhoneRegistry(clock);
        this.history = new ConnectionHistory(clock);
        this.chat = new ChatServer(config, phones, history, clock, authority);
        SandboxHttpApi api = new SandboxHttpApi(phones, history, chat, authority.rootPublicKey());
        this.http = HttpServer.create()
                .host(config.host())
                .port(config.port())
                .route(routes -> {
                    routes.ws("/ws/chat", chat::handle, WebsocketServerSpec.builder()
                            .maxFramePayloadLength(1 << 24).build());
                    api.register(routes);
                })
                .bindNow();
    }

    public static SandboxServer start(SandboxConfig config) {
        return new SandboxServer(config);
    }

    public int port() {
        return http.port();
    }

    /** The root key clients must trust ({@code EngineConfig.rootPublicKey}). */
    public byte[] rootPublicKey() {
        return authority.rootPublicKey();
    }

    public String rootPublicKeyHex() {
        return HexFormat.of().formatHex(authority.rootPublicKey());
    }

    /** {@code ws://host:port/ws/chat} for clients on this machine. */
    public URI chatEndpoint() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return URI.create("ws://" + host + ":" + port() + "/ws/chat");
    }

    public URI httpBase() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return URI.create("http://" + host + ":" + port());
    }

    public SandboxConfig config() {
        return config;
    }

    public PhoneRegistry phones() {
        return phones;
    }

    public ConnectionHistory history() {
        return history;
    }

    public ChatServer chat() {
        return chat;
    }

    /** Blocks until the server is closed. */
    public void awaitClose() {
        http.onDispose().block();
    }

    @Override
    public void close() {
        chat.close();
        http.disposeNow();
    }
}
