package io.wagate.gateway.routing.internal;

import java.util.List;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Spring Cloud Gateway's proxy client, configured from its properties as usual, with the connections to the services
 * pooled per event loop ({@link EventLoopAffineConnectionProvider}).
 */
public final class EventLoopAffineHttpClientFactory extends HttpClientFactory {

    public EventLoopAffineHttpClientFactory(HttpClientProperties properties, ServerProperties serverProperties,
            HttpClientSslConfigurer sslConfigurer, List<HttpClientCustomizer> customizers) {
        super(properties, serverProperties, sslConfigurer, customizers);
    }

    @Override
    protected ConnectionProvider buildConnectionProvider(HttpClientProperties properties) {
        return new EventLoopAffineConnectionProvider(() -> super.buildConnectionProvider(properties));
    }
}
