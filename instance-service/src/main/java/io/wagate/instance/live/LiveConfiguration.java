package io.wagate.instance.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;

/** The WebSocket handshake used by the live endpoint (the server's upgrade strategy is detected). */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    WebSocketService webSocketService() {
        return new HandshakeWebSocketService();
    }
}
