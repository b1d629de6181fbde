package io.wagate.engine.store;

import org.jspecify.annotations.Nullable;

/**
 * What pairing established: our device JID and LID, the ADVSignedDeviceIdentity the phone signed (serialized, with
 * the account signature key, as later sent in messages) and the primary device's identity key.
 *
 * @param jid own device JID, {@code "<phone>:<device>@s.whatsapp.net"}
 * @param platform the primary device's platform as reported in pair-success
 */
public record LinkedAccount(
        String jid,
        @Nullable String lid,
        byte[] signedDeviceIdentity,
        byte[] primaryIdentityKey,
        int keyIndex,
        @Nullable String platform,
        @Nullable String businessName) {

    /** The phone number part of the JID, without device and server. */
    public String phoneNumber() {
        return userOf(jid);
    }

    /** Device id from the JID; 0 would be the phone itself. */
    public int deviceId() {
        int at = jid.indexOf('@');
        int colon = jid.indexOf(':');
        if (colon < 0 || colon > at) {
            return 0;
        }
        return Integer.parseInt(jid.substring(colon + 1, at));
    }

    static String userOf(String jid) {
        int end = jid.indexOf('@');
        int colon = jid.indexOf(':');
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        return end < 0 ? jid : jid.substring(0, end);
    }
}
