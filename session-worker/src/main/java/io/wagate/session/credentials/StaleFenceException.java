package io.wagate.session.credentials;

import java.util.UUID;

/** A credential write was refused: another worker acquired the instance's lease after this writer. */
public final class StaleFenceException extends IllegalStateException {

    public StaleFenceException(UUID instanceId, long token) {
        super("Lease token " + token + " of instance " + instanceId + " is stale; the write was refused");
    }
}
