package io.wagate.engine.client;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link WhatsAppClient} needs besides its credentials. The endpoint, the Noise root key and the WA Web
 * version are configuration so that the same engine talks to WhatsApp or to the sandbox, and so that a version
 * bump (failure 405) is a configuration change.
 *
 * @param rootPublicKey 32-byte X25519/XEdDSA key that must have signed the server's intermediate certificate
 * @param clientVersion WA Web version {@code "2.3000.N"}
 * @param pushName name shown to contacts; may be empty
 * @param deviceName name the phone lists under linked devices (DeviceProps.os)
 * @param firstQrTimeout lifetime of the first QR ref; later refs live {@code nextQrTimeout}
 * @param preKeyUploadBatch one-time prekeys uploaded when the server has fewer than {@code preKeyMinimum}
 * @param executor runs WebSocket callbacks of the shared HTTP client; {@code null} uses the engine default
 */
public record EngineConfig(
        URI endpoint,
        byte[] rootPublicKey,
        String clientVersion,
        String pushName,
        String deviceName,
        CompanionPlatform platform,
        Duration connectTimeout,
        Duration iqTimeout,
        Duration keepAliveInterval,
        Duration keepAliveDeadline,
        Duration firstQrTimeout,
        Duration nextQrTimeout,
        int preKeyUploadBatch,
        int preKeyMinimum,
        @Nullable Executor executor) {

    public static final URI WHATSAPP_ENDPOINT = URI.create("wss://web.whatsapp.com/ws/chat");
    /** WhatsAppLongTerm1, serial 0. */
    public static final String WHATSAPP_ROOT_KEY_HEX =
            "142375574d0a587166aae71ebe516437c4a28b73e3695c6ce1f7f9545da8ee6b";
    public static final String DEFAULT_CLIENT_VERSION = "2.3000.1035194821";

    private static final Pattern VERSION = Pattern.compile("2\\.3000\\.\\d{1,10}");

    public EngineConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        if (rootPublicKey.length != 32) {
            throw new IllegalArgumentException("rootPublicKey must be 32 bytes");
        }
        rootPublicKey = rootPublicKey.clone();
        if (!VERSION.matcher(clientVersion).matches()) {
            throw new IllegalArgumentException("clientVersion must look like 2.3000.N: " + clientVersion);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(iqTimeout, "iqTimeout");
        requirePositive(keepAliveInterval, "keepAliveInterval");
        requirePositive(keepAliveDeadline, "keepAliveDeadline");
        requirePositive(firstQrTimeout, "firstQrTimeout");
        requirePositive(nextQrTimeout, "nextQrTimeout");
        if (preKeyUploadBatch < 1 || preKeyMinimum < 0) {
            throw new IllegalArgumentException("prekey batch must be positive and minimum non-negative");
        }
    }

    @Override
    public byte[] rootPublicKey() {
        return rootPublicKey.clone();
    }

    /** Version parts {@code [2, 3000, N]} as the ClientPayload carries them. */
    public int[] versionParts() {
        String[] parts = clientVersion.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseUnsignedInt(parts[2])};
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().endpoint(endpoint).rootPublicKey(rootPublicKey).clientVersion(clientVersion)
                .pushName(pushName).deviceName(deviceName).platform(platform).connectTimeout(connectTimeout)
                .iqTimeout(iqTimeout).keepAlive(keepAliveInterval, keepAliveDeadline)
                .qrTimeouts(firstQrTimeout, nextQrTimeout).preKeys(preKeyUploadBatch, preKeyMinimum)
                .executor(executor);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Defaults follow what WhatsApp Web clients do today; see the protocol notes. */
    public static final class Builder {
        private URI endpoint = WHATSAPP_ENDPOINT;
        private byte[] rootPublicKey = HexFormat.of().parseHex(WHATSAPP_ROOT_KEY_HEX);
        private String clientVersion = DEFAULT_CLIENT_VERSION;
        private String pushName = "";
        private String deviceName = "WaGate";
        private CompanionPlatform platform = CompanionPlatform.CHROME;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration iqTimeout = Duration.ofSeconds(60);
        private Duration keepAliveInterval = Duration.ofSeconds(25);
        private Duration keepAliveDeadline = Duration.ofSeconds(10);
        private Duration firstQrTimeout = Duration.ofSeconds(60);
        private Duration nextQrTimeout = Duration.ofSeconds(20);
        private int preKeyUploadBatch = 812;
        private int preKeyMinimum = 5;
        private @Nullable Executor executor;

        private Builder() {
        }

        public Builder endpoint(URI value) {
            this.endpoint = value;
            return this;
        }

        public Builder rootPublicKey(byte[] value) {
            this.rootPublicKey = value.clone();
            return this;
        }

        public Builder clientVersion(String value) {
            this.clientVersion = value;
            return this;
        }

        public Builder pushName(String value) {
            this.pushName = value;
            return this;
        }

        public Builder deviceName(String value) {
            this.deviceName = value;
            return this;
        }

        public Builder platform(CompanionPlatform value) {
            this.platform = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder iqTimeout(Duration value) {
            this.iqTimeout = value;
            return this;
        }

        public Builder keepAlive(Duration interval, Duration deadline) {
            this.keepAliveInterval = interval;
            this.keepAliveDeadline = deadline;
            return this;
        }

        public Builder qrTimeouts(Duration first, Duration next) {
            this.firstQrTimeout = first;
            this.nextQrTimeout = next;
            return this;
        }

        public Builder preKeys(int uploadBatch, int minimum) {
            this.preKeyUploadBatch = uploadBatch;
            this.preKeyMinimum = minimum;
            return this;
        }

        public Builder executor(@Nullable Executor value) {
            this.executor = value;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(endpoint, rootPublicKey, clientVersion, pushName, deviceName, platform,
                    connectTimeout, iqTimeout, keepAliveInterval, keepAliveDeadline, firstQrTimeout, nextQrTimeout,
                    preKeyUploadBatch, preKeyMinimum, executor);
        }
    }
}
