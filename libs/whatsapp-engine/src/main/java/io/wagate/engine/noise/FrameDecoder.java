package io.wagate.engine.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Incoming framing: turns arbitrary chunks (a WebSocket message may carry several frames or part of one) into whole
 * frame payloads. The server-side decoder first consumes the client's intro header, with or without the edge routing
 * prefix. Frame bodies grow as bytes arrive, so a peer that announces a large frame cannot make us allocate it up
 * front. Not thread-safe: one decoder per connection, fed from one reader.
 */
public final class FrameDecoder {

    /** Upper bound of routing info we accept in a client preamble; real values are a few bytes. */
    private static final int MAX_ROUTING_INFO = 4096;
    private static final int INITIAL_BODY_CAPACITY = 64 * 1024;

    private final int maxFrameSize;
    private boolean preambleDone;
    private byte[] preamble = new byte[16];
    private int preambleLength;
    private byte @Nullable [] routingInfo;
    private final byte[] lengthBytes = new byte[FrameCodec.LENGTH_SIZE];
    private int lengthRead;
    private byte @Nullable [] body;
    private int bodyLength;
    private int bodyRead;

    private FrameDecoder(int maxFrameSize, boolean expectPreamble) {
        if (maxFrameSize < 0 || maxFrameSize > FrameCodec.MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("max frame size must be within 0..2^24-1");
        }
        this.maxFrameSize = maxFrameSize;
        this.preambleDone = !expectPreamble;
    }

    /** For a client reading server frames (no header), accepting frames up to {@code maxFrameSize} bytes. */
    public static FrameDecoder forClient(int maxFrameSize) {
        return new FrameDecoder(maxFrameSize, false);
    }

    public static FrameDecoder forClient() {
        return forClient(FrameCodec.MAX_FRAME_SIZE);
    }

    /** For a server reading a client: the intro header (optionally behind routing info) comes first. */
    public static FrameDecoder forServer(int maxFrameSize) {
        return new FrameDecoder(maxFrameSize, true);
    }

    public static FrameDecoder forServer() {
        return forServer(FrameCodec.MAX_FRAME_SIZE);
    }

    public List<byte[]> feed(byte[] chunk) throws NoiseException {
        return feed(chunk, 0, chunk.length);
    }

    /** Consumes the chunk and returns the frames it completed, in order (often none or one). */
    public List<byte[]> feed(byte[] chunk, int offset, int length) throws NoiseException {
        if (offset < 0 || length < 0 || offset + length > chunk.length) {
            throw new IndexOutOfBoundsException("range outside the chunk");
        }
        List<byte[]> frames = new ArrayList<>(1);
        int position = offset;
        int end = offset + length;
        while (position < end && !preambleDone) {
            acceptPreambleByte(chunk[position++]);
        }
        while (position < end) {
            if (lengthRead < FrameCodec.LENGTH_SIZE) {
                lengthBytes[lengthRead++] = chunk[position++];
                if (lengthRead == FrameCodec.LENGTH_SIZE) {
                    startBody();
                }
            } else {
                position += fillBody(chunk, position, end - position);
            }
            if (lengthRead == FrameCodec.LENGTH_SIZE && bodyRead == bodyLength) {
                frames.add(completeFrame());
            }
        }
        return frames;
    }

    /** True when bytes of an unfinished frame (or preamble) are buffered. */
    public boolean hasPartialFrame() {
        return lengthRead > 0 || (!preambleDone && preambleLength > 0);
    }

    /** Routing info the client sent in its preamble, if any (server side only). */
    public byte @Nullable [] routingInfo() {
        return routingInfo == null ? null : routingInfo.clone();
    }

    private void startBody() throws NoiseException {
        bodyLength = (lengthBytes[0] & 0xFF) << 16 | (lengthBytes[1] & 0xFF) << 8 | (lengthBytes[2] & 0xFF);
        if (bodyLength > maxFrameSize) {
            throw new NoiseException("frame of " + bodyLength + " bytes exceeds the limit of " + maxFrameSize);
        }
        body = new byte[Math.min(bodyLength, INITIAL_BODY_CAPACITY)];
        bodyRead = 0;
    }

    private int fillBody(byte[] chunk, int position, int available) {
        int take = Math.min(available, bodyLength - bodyRead);
        byte[] current = body;
        if (current == null) {
            throw new IllegalStateException("no frame in progress");
        }
        if (bodyRead + take > current.length) {
            long grown = Math.max(current.length * 2L, bodyRead + take);
            current = Arrays.copyOf(current, (int) Math.min(bodyLength, grown));
            body = current;
        }
        System.arraycopy(chunk, position, current, bodyRead, take);
        bodyRead += take;
        return take;
    }

    private byte[] completeFrame() {
        byte[] frame = body;
        body = null;
        lengthRead = 0;
        bodyRead = 0;
        return frame == null ? new byte[0] : frame;
    }

    private void acceptPreambleByte(byte b) throws NoiseException {
        if (preambleLength == preamble.length) {
            preamble = Arrays.copyOf(preamble, preamble.length * 2);
        }
        preamble[preambleLength++] = b;
        byte[] intro = FrameCodec.introHeader();
        byte[] routing = FrameCodec.routingMagic();
        int magicLength = Math.min(preambleLength, 4);
        if (Arrays.equals(preamble, 0, magicLength, intro, 0, magicLength)) {
            preambleDone = preambleLength == intro.length;
            return;
        }
        if (!Arrays.equals(preamble, 0, magicLength, routing, 0, magicLength)) {
            throw new NoiseException("connection does not start with the WhatsApp intro header");
        }
        int headerLength = routing.length + FrameCodec.LENGTH_SIZE;
        if (preambleLength < headerLength) {
            return;
        }
        int infoLength = (preamble[4] & 0xFF) << 16 | (preamble[5] & 0xFF) << 8 | (preamble[6] & 0xFF);
        if (infoLength > MAX_ROUTING_INFO) {
            throw new NoiseException("routing info of " + infoLength + " bytes is too long");
        }
        int total = headerLength + infoLength + intro.length;
        if (preambleLength < total) {
            return;
        }
        if (!Arrays.equals(preamble, total - intro.length, total, intro, 0, intro.length)) {
            throw new NoiseException("routing info is not followed by the WhatsApp intro header");
        }
        routingInfo = Arrays.copyOfRange(preamble, headerLength, headerLength + infoLength);
        preambleDone = true;
    }
}
