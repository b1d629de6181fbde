package io.wagate.session.lease;

import java.util.UUID;

/** A held lease: the owner is this worker, the token is higher than every earlier holder's. */
public record Lease(UUID instanceId, String owner, long token) {

    String value() {
        return owner + "|" + token;
    }
}
