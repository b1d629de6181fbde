package io.wagate.sandbox;

import java.time.Duration;

/**
 * Settings of one sandbox server.
 *
 * @param port 0 picks a free port
 * @param speedUp divides QR timings (60 s first ref, 20 s each next) so tests need not wait minutes
 * @param qrRefs refs per pair-device batch; the real server sends six
 * @param scanTimeout how long a scan or a pairing-code entry waits for the companion's answer
 */
public record SandboxConfig(String host, int port, double speedUp, int qrRefs, Duration firstQrTimeout,
                            Duration nextQrTimeout, Duration scanTimeout) {

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
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig("0.0.0.0", 8090, 1.0, 6, Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(10));
    }

    /** For tests: loopback, a free port. */
    public static SandboxConfig forTests(double speedUp) {
        return new SandboxConfig("127.0.0.1", 0, speedUp, 6, Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(10));
    }

    public SandboxConfig withPort(int value) {
        return new SandboxConfig(host, value, speedUp, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout);
    }

    public SandboxConfig withHost(String value) {
        return new SandboxConfig(value, port, speedUp, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout);
    }

    public SandboxConfig withSpeedUp(double value) {
        return new SandboxConfig(host, port, value, qrRefs, firstQrTimeout, nextQrTimeout, scanTimeout);
    }

    public SandboxConfig withQrRefs(int value) {
        return new SandboxConfig(host, port, speedUp, value, firstQrTimeout, nextQrTimeout, scanTimeout);
    }

    /** Lifetime of QR ref {@code index} after the speed-up. */
    public Duration qrLifetime(int index) {
        Duration base = index == 0 ? firstQrTimeout : nextQrTimeout;
        return Duration.ofNanos((long) (base.toNanos() / speedUp));
    }
}
