package io.wagate.engine.transport;

import java.nio.ByteBuffer;

/**
 * Receives what arrives on a socket. Calls other than {@link #onSendFailed} are sequential; they run on the shared
 * HTTP client's executor.
 */
public interface TransportListener {

    /** A chunk of a binary message; frames may span chunks and a chunk may hold several frames. */
    void onData(ByteBuffer data);

    /** The peer closed with a close frame. */
    void onClosed(int statusCode, String reason);

    /**
     * The socket failed (reset, EOF without close frame, protocol error). Comes after every chunk the reader got
     * before the failure.
     */
    void onError(Throwable error);

    /**
     * A send failed. Runs on the thread that completed the send, so it may overtake chunks the reader still has to
     * deliver; the reader ends with its own {@link #onClosed} or {@link #onError} after them.
     */
    default void onSendFailed(Throwable error) {
        onError(error);
    }
}
