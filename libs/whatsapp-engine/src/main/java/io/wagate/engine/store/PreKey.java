package io.wagate.engine.store;

import io.wagate.engine.crypto.KeyPair;

/** A one-time prekey; ids are 24-bit because the wire format carries them in three bytes. */
public record PreKey(int id, KeyPair keyPair) {

    public static final int MAX_ID = 0xFFFFFF;

    public PreKey {
        if (id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("prekey id out of range: " + id);
        }
    }
}
