package io.wagate.auth.audit;

import java.util.Locale;
import java.util.Optional;

/** What an audit entry records; the wire name is the lower-case constant name. */
public enum AuditType {
    LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED, REFRESH_TOKEN_REUSED, API_KEY_CREATED, API_KEY_REVOKED,
    API_KEY_ROTATED, API_KEY_FIRST_USED, ROLE_CHANGED, MEMBER_INVITED, MEMBER_JOINED, MEMBER_REMOVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditType> fromWire(String value) {
        for (AuditType type : values()) {
            if (type.wire().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
