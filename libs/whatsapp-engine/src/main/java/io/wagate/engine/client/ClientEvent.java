package io.wagate.engine.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Everything a connection reports to its owner, in order. The stream ends after {@link Disconnected}. */
public sealed interface ClientEvent {

    /**
     * A QR code to show. {@code index} counts refs from 0; a new event with the same index follows a
     * companion_reg_refresh (new ADV secret, same ref).
     */
    record QrCode(String qr, int index, Instant expiresAt) implements ClientEvent {
    }

    /** The code to type on the phone, formatted {@code XXXX-XXXX}. */
    record PairingCode(String code, Instant expiresAt) implements ClientEvent {
    }

    /** The phone accepted this device; a login on a fresh connection follows at once. */
    record Paired(String jid, @Nullable String lid, @Nullable String platform, @Nullable String businessName)
            implements ClientEvent {
    }

    /** Logged in and ready. */
    record Connected(String phoneNumber, String jid, @Nullable String lid, @Nullable String pushName,
                     @Nullable String platform) implements ClientEvent {
    }

    /** One-time prekeys were uploaded because the server reported too few. */
    record PreKeysUploaded(int count, int serverCountBefore) implements ClientEvent {
    }

    /**
     * The connection ended. {@code code} is the numeric stream-error / failure code when there was one, else 0.
     * {@code credentialsRemoved} tells whether the engine deleted the stored credentials.
     */
    record Disconnected(DisconnectReason reason, int code, String detail, boolean credentialsRemoved)
            implements ClientEvent {
    }
}
