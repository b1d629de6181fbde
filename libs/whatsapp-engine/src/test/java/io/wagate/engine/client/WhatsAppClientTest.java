package io.wagate.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.InMemoryCredentialStore;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** API behaviour that needs no server; the full flows are tested against the sandbox in wa-sandbox. */
class WhatsAppClientTest {

    @Test
    void pairingCodeNeedsAConnection() {
        WhatsAppClient client = new WhatsAppClient(EngineConfig.builder().build(), new InMemoryCredentialStore());
        assertThat(client.requestPairingCode("15551234567")).isCompletedExceptionally();
        assertThat(client.isConnected()).isFalse();
    }

    @Test
    void logoutWithoutAConnectionForgetsTheCredentials() {
        InMemoryCredentialStore store = new InMemoryCredentialStore(Credentials.fresh());
        new WhatsAppClient(EngineConfig.builder().build(), store).logout().join();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void unreachableServerEndsWithNetworkAndKeepsFreshCredentials() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        EngineConfig config = EngineConfig.builder().endpoint(URI.create("ws://127.0.0.1:" + port + "/ws/chat"))
                .connectTimeout(Duration.ofSeconds(2)).build();
        WhatsAppClient client = new WhatsAppClient(config, store);
        CompletableFuture<ClientEvent> last = new CompletableFuture<>();
        client.connect().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ClientEvent item) {
                if (item instanceof ClientEvent.Disconnected) {
                    last.complete(item);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                last.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        ClientEvent.Disconnected disconnected = (ClientEvent.Disconnected) last.get(10, TimeUnit.SECONDS);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.NETWORK);
        assertThat(disconnected.credentialsRemoved()).isFalse();
        assertThat(store.load()).get().extracting(Credentials::registered).isEqualTo(false);
        assertThat(client.connect()).isNotNull();
        client.close();
    }
}
