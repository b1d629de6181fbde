package io.wagate.engine.transport;

import java.nio.ByteBuffer;

/** Receives what arrives on a socket. Calls are sequential; they run on the shared HTTP client's executor. */
public interface TransportListener {

    /** A chunk of a binary message; frames may span chunks and a chunk may hold several frames. */
    void onData(ByteBuffer data);

    /** The peer closed with a close frame. */
    void onClosed(int statusCode, String reason);

    /** The socket failed (reset, EOF without close frame, protocol error). */
    void onError(Throwable error);
}
