package io.wagate.sandbox.fault;

import org.jspecify.annotations.Nullable;

/** Exactly one of: a connection id, a phone number (all its devices), or a device JID. */
public record FaultTarget(@Nullable Long connectionId, @Nullable String number, @Nullable String deviceJid) {

    public FaultTarget {
        int given = (connectionId != null ? 1 : 0) + (number != null ? 1 : 0) + (deviceJid != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of connectionId, number, deviceJid");
        }
    }

    public static FaultTarget connection(long id) {
        return new FaultTarget(id, null, null);
    }

    public static FaultTarget number(String number) {
        return new FaultTarget(null, number, null);
    }

    public static FaultTarget device(String jid) {
        return new FaultTarget(null, null, jid);
    }

    /** Does a connection logged in as {@code jid} (may be null before login) with id {@code id} match? */
    public boolean matches(long id, @Nullable String jid) {
        if (connectionId != null) {
            return connectionId == id;
        }
        if (jid == null) {
            return false;
        }
        if (deviceJid != null) {
            return deviceJid.equals(jid);
        }
        return jid.startsWith(number + ":") || jid.startsWith(number + "@");
    }
}
