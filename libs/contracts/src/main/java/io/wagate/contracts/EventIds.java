package io.wagate.contracts;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids are UUID version 7 (RFC 9562): unique without coordination and ordered by creation time, which keeps
 * the index of the outbox and of the deduplication tables compact.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    public static String newId() {
        return newUuid().toString();
    }

    public static UUID newUuid() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
