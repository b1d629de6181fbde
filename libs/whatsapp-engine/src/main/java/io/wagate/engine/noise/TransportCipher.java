package io.wagate.engine.noise;

import io.wagate.engine.crypto.AesGcm;
import javax.crypto.AEADBadTagException;

/**
 * The frame cipher after the handshake: AES-256-GCM with separate keys and counters for each direction, counters
 * starting at 0, IV = 8 zero bytes || u32 BE counter, no associated data, 16-byte tag appended. Each direction is
 * synchronized on its own, so a reader thread and a writer thread do not block each other.
 */
public final class TransportCipher {

    private static final long MAX_COUNTER = 0xFFFF_FFFFL;
    private static final byte[] NO_AAD = new byte[0];

    private final AesGcm writer;
    private final AesGcm reader;
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private long writeCounter;
    private long readCounter;

    private TransportCipher(byte[] writeKey, byte[] readKey) {
        this.writer = AesGcm.withKey(writeKey);
        this.reader = AesGcm.withKey(readKey);
    }

    /** A cipher from raw 32-byte keys; normally obtained from a finished {@link NoiseHandshake}. */
    public static TransportCipher of(byte[] writeKey, byte[] readKey) {
        return new TransportCipher(writeKey, readKey);
    }

    /** Encrypts one outgoing frame payload. */
    public byte[] encrypt(byte[] plaintext) {
        synchronized (writeLock) {
            if (writeCounter > MAX_COUNTER) {
                throw new IllegalStateException("write counter exhausted; the connection must be re-established");
            }
            return writer.encrypt(writeCounter++, plaintext, NO_AAD);
        }
    }

    /**
     * Decrypts one incoming frame payload. A failure is fatal for the connection: the counter has moved on, as it
     * does at the peer, so later frames would not line up anyway.
     */
    public byte[] decrypt(byte[] ciphertext) throws NoiseException {
        synchronized (readLock) {
            if (readCounter > MAX_COUNTER) {
                throw new NoiseException("read counter exhausted");
            }
            try {
                return reader.decrypt(readCounter++, ciphertext, NO_AAD);
            } catch (AEADBadTagException e) {
                throw new NoiseException("frame failed authentication (counter " + (readCounter - 1) + ")", e);
            }
        }
    }

    public long writeCounter() {
        synchronized (writeLock) {
            return writeCounter;
        }
    }

    public long readCounter() {
        synchronized (readLock) {
            return readCounter;
        }
    }
}
