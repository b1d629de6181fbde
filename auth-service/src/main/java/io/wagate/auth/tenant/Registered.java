package io.wagate.auth.tenant;

import java.util.UUID;

/** The sign-up answer: the new user and tenant (no password hash). */
record Registered(UUID userId, String email, String name, UUID tenantId, String organization, String role) {
}
