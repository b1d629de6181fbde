package io.wagate.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sandbox until the process is stopped. Port from {@code -Dwagate.sandbox.port} or
 * {@code WAGATE_SANDBOX_PORT} (default 8090), speed-up from {@code -Dwagate.sandbox.speed-up} or
 * {@code WAGATE_SANDBOX_SPEED_UP} (default 1). State lives in memory only.
 */
public final class SandboxApplication {

    static {
        // Named so that the jar, when on another application's classpath, never takes over its logging setup.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "wa-sandbox-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SandboxApplication.class);

    private SandboxApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig config = SandboxConfig.defaults()
                .withPort(Integer.parseInt(setting("wagate.sandbox.port", "WAGATE_SANDBOX_PORT", "8090")))
                .withHost(setting("wagate.sandbox.host", "WAGATE_SANDBOX_HOST", "0.0.0.0"))
                .withSpeedUp(Double.parseDouble(setting("wagate.sandbox.speed-up", "WAGATE_SANDBOX_SPEED_UP", "1")));
        SandboxServer server = SandboxServer.start(config);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
        LOG.info("WhatsApp sandbox listening on port {}, root public key {}", server.port(), server.rootPublicKeyHex());
        server.awaitClose();
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
