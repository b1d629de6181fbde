package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.session.PairingCodeIssued;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.support.identity.InternalTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

class LiveStreamTests extends InstanceIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Test
    void anSseClientSeesAStatusChangeWithinOneSecond() throws Exception {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "live-status");
        warmUp(tenant, id);

        Flux<ServerSentEvent<String>> stream = open(tenant.owner(), "/api/instances/events?instance=live-status", null);
        CompletableFuture<ServerSentEvent<String>> received = stream
                .filter(event -> "status".equals(event.event()) && event.data().contains("\"CONNECTED\""))
                .next().toFuture();
        long start = System.nanoTime();
        sessionEvent(tenant, id, StatusProjectionTests.status(2, SessionStatus.CONNECTED, SessionStatus.QR_REQUIRED,
                SessionReason.LOGGED_IN, 0));

        ServerSentEvent<String> event = received.get(5, TimeUnit.SECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(millis).as("status change seen after %d ms", millis).isLessThan(1000);
        assertThat(event.id()).matches("\\d+-\\d+");
        assertThat(event.data()).contains("\"instance\":\"live-status\"").contains("\"reason\":\"logged_in\"");
    }

    @Test
    void lastEventIdReplaysWhatWasMissed() throws Exception {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "live-replay");
        warmUp(tenant, id);
        Flux<ServerSentEvent<String>> first = open(tenant.owner(), "/api/instances/events", null);
        CompletableFuture<ServerSentEvent<String>> seen = first.filter(event -> event.event() != null)
                .next().toFuture();
        sessionEvent(tenant, id, StatusProjectionTests.status(2, SessionStatus.RECONNECTING, SessionStatus.QR_REQUIRED,
                SessionReason.NETWORK, 1));
        String lastId = seen.get(10, TimeUnit.SECONDS).id();

        sessionEvent(tenant, id, new PairingCodeIssued(3, "ABCD-EFGH", "5511999998888", Instant.now().plusSeconds(60)));
        sessionEvent(tenant, id, StatusProjectionTests.status(4, SessionStatus.CONNECTED, SessionStatus.RECONNECTING,
                SessionReason.LOGGED_IN, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> lastSequence(id) == 4);

        List<ServerSentEvent<String>> replayed = open(tenant.owner(), "/api/instances/events", lastId)
                .filter(event -> event.event() != null).take(2).collectList().block(Duration.ofSeconds(10));
        assertThat(replayed).extracting(ServerSentEvent::event).containsExactly("pairing_code", "status");
        assertThat(replayed.get(0).data()).contains("ABCD-EFGH");

        http.get().uri("/api/instances/events").header(InternalTokens.HEADER, tenant.owner())
                .header("Last-Event-ID", "not-an-id").exchange().expectStatus().isBadRequest();
    }

    @Test
    void streamsAreConfinedToTheTenantAndToAnApiKeysInstance() throws Exception {
        Tenant tenant = newTenant();
        Tenant stranger = newTenant();
        UUID id = createdInstance(tenant, "live-private");
        UUID sibling = createdInstance(tenant, "live-sibling");
        warmUp(tenant, id);

        CompletableFuture<List<ServerSentEvent<String>>> strangerSaw = open(stranger.owner(), "/api/instances/events",
                null).filter(event -> event.event() != null).take(Duration.ofSeconds(3)).collectList().toFuture();
        CompletableFuture<List<ServerSentEvent<String>>> keySaw = open(tenant.apiKey(sibling, "instance:read"),
                "/api/instances/events", null).filter(event -> event.event() != null).take(Duration.ofSeconds(3))
                .collectList().toFuture();
        CompletableFuture<ServerSentEvent<String>> ownerSaw = open(tenant.owner(), "/api/instances/events", null)
                .filter(event -> event.event() != null).next().toFuture();
        sessionEvent(tenant, id, StatusProjectionTests.status(2, SessionStatus.CONNECTED, SessionStatus.QR_REQUIRED,
                SessionReason.LOGGED_IN, 0));

        assertThat(ownerSaw.get(10, TimeUnit.SECONDS).data()).contains("live-private");
        assertThat(strangerSaw.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(keySaw.get(10, TimeUnit.SECONDS)).isEmpty();
        get(stranger.owner(), "/api/instances/events?instance=live-private").expectStatus().isNotFound();
        get(tenant.apiKey(sibling, "instance:read"), "/api/instances/events?instance=live-private")
                .expectStatus().isNotFound();
    }

    @Test
    void aWebSocketClientReceivesTheTenantsEvents() throws Exception {
        Tenant tenant = newTenant();
        UUID id = createdInstance(tenant, "live-socket");
        warmUp(tenant, id);

        HttpHeaders headers = new HttpHeaders();
        headers.set(InternalTokens.HEADER, tenant.owner());
        CompletableFuture<String> received = new CompletableFuture<>();
        Disposable client = new ReactorNettyWebSocketClient()
                .execute(URI.create("ws://localhost:" + port + "/api/instances/ws?instance=live-socket&lastEventId=0-0"),
                        headers, session -> session.receive().map(WebSocketMessage::getPayloadAsText)
                                .filter(text -> text.contains("\"type\":\"status\""))
                                .next().doOnNext(received::complete).then())
                .subscribe();
        try {
            String frame = received.get(10, TimeUnit.SECONDS);
            assertThat(frame).contains("\"instance\":\"live-socket\"").contains("\"id\":\"");
        } finally {
            client.dispose();
        }
    }

    /** Waits until the instance's first event went through the projection, so the consumer is assigned and live. */
    private void warmUp(Tenant tenant, UUID id) {
        sessionEvent(tenant, id, StatusProjectionTests.status(1, SessionStatus.QR_REQUIRED, SessionStatus.INIT,
                SessionReason.PAIRING, 0));
        await().atMost(Duration.ofSeconds(15)).until(() -> lastSequence(id) == 1);
    }

    private Flux<ServerSentEvent<String>> open(String token, String path, String lastEventId) {
        var request = http.get().uri(path).header(InternalTokens.HEADER, token).accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .returnResult(SSE).getResponseBody();
    }
}
