package io.wagate.auth.membership;

import java.time.Instant;
import java.util.UUID;

/** Response bodies of the member endpoints. */
final class MemberViews {

    private MemberViews() {
    }

    record Member(UUID userId, String email, String name, String role, Instant since) {
    }

    /** The invite as created; {@code token} and {@code link} are shown only here. */
    record InviteCreated(UUID inviteId, String email, String role, Instant expiresAt, String token, String link) {
    }

    record Joined(UUID userId, UUID tenantId, String role) {
    }
}
