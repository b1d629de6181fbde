package io.wagate.auth.shared;

import io.wagate.contracts.EventIds;
import java.util.UUID;

/** Row ids are UUIDv7 like event ids: time-ordered, so indexes stay compact and audit pages sort by id. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return EventIds.newUuid();
    }
}
