package io.wagate.auth.user;

import java.util.UUID;

/** A stored user. The hash stays inside the service: no response record carries it. */
public record UserAccount(UUID id, String email, String name, String passwordHash, boolean operator) {

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", operator=" + operator + "]";
    }
}
