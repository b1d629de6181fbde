package io.wagate.auth.token;

import java.util.UUID;

/** The answer of login and refresh. */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, UUID tenantId) {
}
