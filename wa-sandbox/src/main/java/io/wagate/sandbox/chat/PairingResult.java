package io.wagate.sandbox.chat;

import org.jspecify.annotations.Nullable;

/** Outcome of a scan or pairing-code entry as the phone sees it. {@code status} is an HTTP status on failure. */
public record PairingResult(boolean success, int status, @Nullable String error, @Nullable String deviceJid,
                            @Nullable String lid, long connectionId) {

    public static PairingResult linked(String deviceJid, String lid, long connectionId) {
        return new PairingResult(true, 200, null, deviceJid, lid, connectionId);
    }

    public static PairingResult failed(int status, String error, long connectionId) {
        return new PairingResult(false, status, error, null, null, connectionId);
    }
}
