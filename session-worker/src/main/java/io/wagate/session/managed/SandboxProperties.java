package io.wagate.session.managed;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where instances with engine {@code sandbox} connect.
 *
 * @param url the sandbox's HTTP base; the chat socket is {@code /ws/chat} on the same host and port
 * @param rootKey the sandbox's Noise root public key (hex or Base64); fetched from {@code /api/sandbox/root-key}
 *     on the first sandbox connection when not set
 */
@ConfigurationProperties("wagate.sessions.sandbox")
public record SandboxProperties(@DefaultValue("http://localhost:8090") URI url, @Nullable String rootKey) {
}
