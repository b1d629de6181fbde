package io.wagate.instance.live;

import io.wagate.support.identity.InternalIdentity;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/instances/events} (Server-Sent Events) and {@code GET /api/instances/ws} (WebSocket): the
 * tenant's live updates, optionally for one instance, with heartbeats and replay after {@code Last-Event-ID}
 * (header for SSE, {@code lastEventId} parameter for WebSocket).
 */
@RestController
class LiveController {

    private final LiveStreams streams;
    private final WebSocketService webSockets;
    private final LiveProperties properties;

    LiveController(LiveStreams streams, WebSocketService webSockets, LiveProperties properties) {
        this.streams = streams;
        this.webSockets = webSockets;
        this.properties = properties;
    }

    @GetMapping(path = "/api/instances/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> events(InternalIdentity identity,
            @RequestParam(name = "instance", required = false) @Nullable String instance,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        return streams.open(identity, instance, lastEventId)
                .map(messages -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .header("X-Accel-Buffering", "no")
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(Flux.merge(
                                messages.map(LiveController::event),
                                Flux.just(comment("connected")),
                                heartbeats().map(tick -> comment("heartbeat")))));
    }

    @GetMapping("/api/instances/ws")
    Mono<Void> webSocket(InternalIdentity identity, ServerWebExchange exchange,
            @RequestParam(name = "instance", required = false) @Nullable String instance,
            @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventId) {
        return streams.open(identity, instance, lastEventId)
                .flatMap(messages -> webSockets.handleRequest(exchange, session -> session
                        .send(Flux.merge(messages.map(message -> frame(session, message)),
                                heartbeats().map(tick -> session.textMessage("{\"type\":\"heartbeat\"}"))))
                        .and(session.receive().then())));
    }

    private Flux<Long> heartbeats() {
        return Flux.interval(properties.heartbeat(), properties.heartbeat()).onBackpressureDrop();
    }

    private static ServerSentEvent<String> event(LiveMessage message) {
        return ServerSentEvent.builder(message.json()).id(message.id().toString()).event(message.type()).build();
    }

    private static ServerSentEvent<String> comment(String text) {
        return ServerSentEvent.<String>builder().comment(text).build();
    }

    private static WebSocketMessage frame(WebSocketSession session, LiveMessage message) {
        // id and type are produced here (a stream id and a fixed word), the event is already JSON.
        return session.textMessage("{\"id\":\"" + message.id() + "\",\"type\":\"" + message.type() + "\",\"event\":"
                + message.json() + "}");
    }
}
