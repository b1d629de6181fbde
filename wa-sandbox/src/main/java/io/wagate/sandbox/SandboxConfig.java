package io.wagate.sandbox;

import java.time.Duration;

/**
 * Settings of one sandbox server.
 *
 * @param port 0 picks a free port
 * @param speedUp divides QR timings (60 s first ref, 20 s each next) so tests need not wait minutes
 * @param qrRefs refs per pair-device batch; the real server sends six
 * @param scanTimeout how long a scan or a pairing-code entry waits for the companion's answer
 * @param closeHandshakeTimeout how long a connection the server ends waits for the client's close frame before it
 *        closes TCP anyway
 */
public record SandboxConfig(String host, int port, double speedUp, int qrRefs, Duration firstQrTimeout,
                            Duration nextQrTimeout, Duration scanTimeout, Duration closeHandshakeTimeout) {

    private static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!(speedUp >= 1.0)) {
            throw new IllegalArgumentException("speedUp must be >= 1");
        }
        if (qrRefs < 1) {
            throw new IllegalArgumentException("qrRefs must be positive");
        }
        if (closeHandshakeTimeout.isNegative() || closeHandshakeTimeout.isZero()) {
            throw new IllegalArgumentException("closeHandshakeTimeout must be positive");
        }
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig("0.0.0.0", 8090, 1.0, 6, Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(10), CLOSE_HANDSHAKE_TIMEOUT);
    }

    /** For tests: loopback, a free port. */
    public static SandboxConfig forTests(double speedUp) {
        return new SandboxConfig("127.0.0.1", 0, speedUp, 6, Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(10), CLOSE_HANDSHAKE_TIMEOUT);
    }

    public SandboxConfig withPort(int value) {
        return new SandboxConfig(host, value, speedUp, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout,
                closeHandshakeTimeout);
    }

    public SandboxConfig withHost(String value) {
        return new SandboxConfig(value, port, speedUp, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout,
                closeHandshakeTimeout);
    }

    public SandboxConfig withSpeedUp(double value) {
        return new SandboxConfig(host, port, value, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout,
                closeHandshakeTimeout);
    }

    public SandboxConfig withQrRefs(int value) {
        return new SandboxConfig(host, port, speedUp, value, firstQrTimeout, nextQrTimeout, scanTimeout,
                closeHandshakeTimeout);
    }

    public SandboxConfig withCloseHandshakeTimeout(Duration value) {
        return new SandboxConfig(host, port, speedUp, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout, value);
    }

    /** Lifetime of QR ref {@code index} after the speed-up. */
    public Duration qrLifetime(int index) {
        Duration base = index == 0 ? firstQrTimeout : nextQrTimeout;
        return Duration.ofNanos((long) (base.toNanos() / speedUp));
    }
}
