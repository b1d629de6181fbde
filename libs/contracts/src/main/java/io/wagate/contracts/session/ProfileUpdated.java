package io.wagate.contracts.session;

import io.wagate.contracts.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The linked account as seen after login: phone number (digits), the device JID and LID, the push name and the
 * platform of the primary phone.
 */
@EventType("io.wagate.session.profile_updated.v1")
public record ProfileUpdated(long sequence, String phoneNumber, String jid, @Nullable String lid,
        @Nullable String pushName, @Nullable String platform) implements SessionEvent {
}
