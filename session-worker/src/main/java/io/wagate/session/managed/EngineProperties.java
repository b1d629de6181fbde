package io.wagate.session.managed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings shared by all sessions. QR lifetimes must match the server's (the sandbox divides them by its
 * speed-up), or QR events would announce wrong expiry times.
 *
 * @param closeTimeout how long shutdown waits for the sessions' connections to end
 */
@ConfigurationProperties("wagate.sessions.engine")
public record EngineProperties(
        @DefaultValue("WaGate") String deviceName,
        @DefaultValue("20s") Duration connectTimeout,
        @DefaultValue("60s") Duration iqTimeout,
        @DefaultValue("60s") Duration firstQrTimeout,
        @DefaultValue("20s") Duration nextQrTimeout,
        @DefaultValue("812") int preKeyUploadBatch,
        @DefaultValue("10s") Duration closeTimeout) {
}
