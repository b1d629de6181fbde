package io.wagate.engine.transport;

import io.wagate.engine.transport.internal.SharedResources;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection. Sends are queued: the JDK WebSocket rejects a send while the previous one is pending,
 * and frame order matters because every frame advances the Noise counter.
 */
public final class WebSocketTransport {

    private static final String ORIGIN = "https://web.whatsapp.com";

    private final WebSocket socket;
    private final AtomicBoolean closed;
    private final TransportListener listener;
    private final Object sendLock = new Object();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private WebSocketTransport(WebSocket socket, AtomicBoolean closed, TransportListener listener) {
        this.socket = socket;
        this.closed = closed;
        this.listener = listener;
    }

    /** Opens the socket; the future fails on connect errors and on timeout. */
    public static CompletableFuture<WebSocketTransport> connect(URI endpoint, Duration timeout,
                                                                @Nullable Executor executor,
                                                                TransportListener listener) {
        AtomicBoolean closed = new AtomicBoolean();
        return SharedResources.httpClient(executor).newWebSocketBuilder()
                .header("Origin", ORIGIN)
                .header("Cache-Control", "no-cache")
                .header("Pragma", "no-cache")
                .connectTimeout(timeout)
                .buildAsync(endpoint, new Adapter(listener, closed))
                .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(socket -> new WebSocketTransport(socket, closed, listener));
    }

    /** Queues one binary message; the returned future completes when it was handed to the socket. */
    public CompletableFuture<Void> send(byte[] data) {
        synchronized (sendLock) {
            CompletableFuture<Void> next = lastSend.handle((ignored, error) -> null)
                    .thenCompose(ignored -> socket.sendBinary(ByteBuffer.wrap(data), true))
                    .thenApply(ignored -> (Void) null);
            // A failed write may be the only sign of a dead peer: the reader does not always see EOF.
            next.whenComplete((ignored, error) -> {
                if (error != null && closed.compareAndSet(false, true)) {
                    listener.onSendFailed(error);
                }
            });
            lastSend = next;
            return next;
        }
    }

    /** Closes politely after queued sends; the socket is aborted if the peer does not answer. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (sendLock) {
                lastSend.handle((ignored, error) -> null)
                        .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                        .orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                        .whenComplete((ignored, error) -> socket.abort());
            }
        }
    }

    /** Drops the connection at once. */
    public void abort() {
        closed.set(true);
        socket.abort();
    }

    public boolean isClosed() {
        return closed.get() || socket.isInputClosed();
    }

    private static final class Adapter implements WebSocket.Listener {
        private final TransportListener listener;
        private final AtomicBoolean closed;

        Adapter(TransportListener listener, AtomicBoolean closed) {
            this.listener = listener;
            this.closed = closed;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            listener.onData(data);
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            // WhatsApp never sends text; ignoring keeps a misbehaving peer from stalling the stream.
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.set(true);
            listener.onClosed(statusCode, reason);
            webSocket.abort();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.set(true);
            listener.onError(error);
        }
    }
}
