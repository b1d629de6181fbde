package io.wagate.engine.client;

import io.wagate.engine.client.internal.Connection;
import io.wagate.engine.client.internal.EventStream;
import io.wagate.engine.store.CredentialStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * The engine's client for one linked number. At most one connection is live at a time: {@link #connect()} refuses
 * while one is, which is what keeps a device from holding two sockets (the server would answer with
 * conflict/replaced). Thread-safe.
 *
 * <pre>{@code
 * WhatsAppClient client = new WhatsAppClient(config, store);
 * client.connect().subscribe(subscriber);   // QrCode..., Paired, Connected, ..., Disconnected
 * }</pre>
 */
public final class WhatsAppClient implements AutoCloseable {

    private final EngineConfig config;
    private final CredentialStore store;
    // Only connect() synchronizes; the other methods must not hold our monitor while they wait for the
    // connection's, because event subscribers call back into this client from inside the connection.
    private volatile @Nullable Connection current;

    public WhatsAppClient(EngineConfig config, CredentialStore store) {
        this.config = config;
        this.store = store;
    }

    /**
     * Opens a connection: registration (QR / pairing code) when the store holds no linked account, login otherwise.
     * The returned publisher has one subscriber; it buffers events until requested and completes after
     * {@link ClientEvent.Disconnected}. Call again to reconnect once the previous connection has ended.
     *
     * @throws IllegalStateException while a previous connection is still live
     */
    public synchronized Flow.Publisher<ClientEvent> connect() {
        if (current != null && !current.isClosed()) {
            throw new IllegalStateException("a connection is live; one connection per linked number");
        }
        EventStream events = new EventStream();
        Connection connection = new Connection(config, store, events);
        current = connection;
        connection.start();
        return events;
    }

    /**
     * Asks the server for a pairing code for {@code phoneNumber} (digits, country code first) instead of a QR scan.
     * May be called right after {@link #connect()}; the request goes out once the server offered pairing. The future
     * completes with the code as shown to the user ({@code XXXX-XXXX}); a PairingCode event carries it as well.
     */
    public CompletableFuture<String> requestPairingCode(String phoneNumber) {
        Connection connection = current;
        if (connection == null || connection.isClosed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("connect first"));
        }
        return connection.requestPairingCode(phoneNumber);
    }

    /**
     * Unlinks this device: tells the server (when connected), deletes the stored credentials and ends the
     * connection with {@link DisconnectReason#LOGGED_OUT}.
     */
    public CompletableFuture<Void> logout() {
        Connection connection = current;
        if (connection == null || connection.isClosed()) {
            store.delete();
            return CompletableFuture.completedFuture(null);
        }
        return connection.logout();
    }

    /** True between Connected and Disconnected. */
    public boolean isConnected() {
        Connection connection = current;
        return connection != null && connection.isConnected();
    }

    /** Ends the live connection, if any, with {@link DisconnectReason#CLIENT_CLOSED}; credentials stay. */
    @Override
    public void close() {
        Connection connection = current;
        if (connection != null) {
            connection.close();
        }
    }
}
