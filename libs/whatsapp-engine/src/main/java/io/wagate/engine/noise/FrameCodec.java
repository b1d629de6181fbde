package io.wagate.engine.noise;

import org.jspecify.annotations.Nullable;

/**
 * Outgoing framing: each frame is a 3-byte big-endian length and the payload. A client writes the 4-byte intro header
 * {@code 57 41 06 03} ("WA", magic 6 = web, dictionary version 3) once, in front of its first frame, optionally
 * preceded by the edge routing prefix {@code "ED" 00 01 | u24 length | routing info}. Servers write no header.
 * Thread-safe.
 */
public final class FrameCodec {

    /** Largest payload a 3-byte length can describe. */
    public static final int MAX_FRAME_SIZE = (1 << 24) - 1;
    public static final int LENGTH_SIZE = 3;
    private static final byte[] INTRO_HEADER = {'W', 'A', 6, 3};
    private static final byte[] ROUTING_MAGIC = {'E', 'D', 0, 1};

    private byte @Nullable [] pendingPrefix;

    private FrameCodec(byte @Nullable [] pendingPrefix) {
        this.pendingPrefix = pendingPrefix;
    }

    /** The intro header, which is also the Noise prologue. */
    public static byte[] introHeader() {
        return INTRO_HEADER.clone();
    }

    /** Client side: the intro header goes in front of the first frame. */
    public static FrameCodec client() {
        return new FrameCodec(INTRO_HEADER.clone());
    }

    /** Client side after the server sent edge routing info: routing prefix, then the intro header. */
    public static FrameCodec client(byte[] routingInfo) {
        if (routingInfo.length > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("routing info too long");
        }
        byte[] prefix = new byte[ROUTING_MAGIC.length + LENGTH_SIZE + routingInfo.length + INTRO_HEADER.length];
        System.arraycopy(ROUTING_MAGIC, 0, prefix, 0, ROUTING_MAGIC.length);
        writeLength(prefix, ROUTING_MAGIC.length, routingInfo.length);
        System.arraycopy(routingInfo, 0, prefix, ROUTING_MAGIC.length + LENGTH_SIZE, routingInfo.length);
        System.arraycopy(INTRO_HEADER, 0, prefix, prefix.length - INTRO_HEADER.length, INTRO_HEADER.length);
        return new FrameCodec(prefix);
    }

    /** Server side: plain frames. */
    public static FrameCodec server() {
        return new FrameCodec(null);
    }

    /** The bytes to send for one payload (with the one-time prefix on the first call of a client codec). */
    public synchronized byte[] encode(byte[] payload) {
        byte[] prefix = pendingPrefix;
        pendingPrefix = null;
        int prefixLength = prefix == null ? 0 : prefix.length;
        if (payload.length > MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("frame payload of " + payload.length + " bytes exceeds 2^24 - 1");
        }
        byte[] out = new byte[prefixLength + LENGTH_SIZE + payload.length];
        if (prefix != null) {
            System.arraycopy(prefix, 0, out, 0, prefixLength);
        }
        writeLength(out, prefixLength, payload.length);
        System.arraycopy(payload, 0, out, prefixLength + LENGTH_SIZE, payload.length);
        return out;
    }

    private static void writeLength(byte[] out, int offset, int length) {
        out[offset] = (byte) (length >>> 16);
        out[offset + 1] = (byte) (length >>> 8);
        out[offset + 2] = (byte) length;
    }

    static byte[] routingMagic() {
        return ROUTING_MAGIC.clone();
    }
}
