package io.wagate.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.identity.InternalIdentityHeaders;
import io.wagate.gateway.routing.internal.EventLoopAffineHttpClientFactory;
import io.wagate.gateway.routing.internal.NoRetryHttpClientCustomizer;
import io.wagate.gateway.routing.internal.ResponseDeadlines;
import io.wagate.gateway.routing.internal.RouteTableHandlerMapping;
import io.wagate.gateway.routing.internal.ServiceProxyFilter;
import io.wagate.gateway.routing.internal.ServiceRequestHeaders;
import io.wagate.gateway.security.ClientAddressHeaders;
import io.wagate.support.web.RequestIdWebFilter;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The public API surface, mapped path by path onto the services. Every route has its own response timeout and its
 * own circuit breaker (named like the route), so one failing service never slows down the others.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    ServiceCircuitBreakerGatewayFilterFactory serviceCircuitBreakerGatewayFilterFactory(CircuitBreakerRegistry registry,
            MeterRegistry meters) {
        return new ServiceCircuitBreakerGatewayFilterFactory(registry, meters);
    }

    /**
     * The gateway's own client of auth-service (JWKS, API key introspection): its own connection pool, so that the
     * proxied traffic can never starve authentication of connections.
     */
    @Bean
    WebClient authServiceWebClient(GatewayRoutesProperties services) {
        HttpClient client = HttpClient.create(ConnectionProvider.create("auth-service", 100))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) services.timeouts().connect().toMillis())
                .disableRetry(true);
        return WebClient.builder().baseUrl(services.auth().toString())
                .clientConnector(new ReactorClientHttpConnector(client)).build();
    }

    @Bean
    ServiceRequestHeaders serviceRequestHeaders(InternalIdentityHeaders identity, ClientAddressHeaders addresses) {
        return new ServiceRequestHeaders(identity, addresses);
    }

    /** The request id travels to the services in {@link ServiceRequestHeaders}, with the other headers. */
    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter(false);
    }

    /** Calls the services in place of Spring Cloud Gateway's routing filter (switched off in application.yml). */
    @Bean
    ServiceProxyFilter serviceProxyFilter(HttpClient proxyClient, ServiceRequestHeaders headers,
            HttpClientProperties properties, ResponseDeadlines deadlines) {
        return new ServiceProxyFilter(proxyClient, headers, properties.getResponseTimeout(), deadlines);
    }

    /** Finds a request's route without a reactive pipeline per route (see {@link RouteTableHandlerMapping}). */
    @Bean
    RouteTableHandlerMapping routePredicateHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties cors, Environment environment, ObjectProvider<ApiVersionStrategy> versions) {
        RouteTableHandlerMapping mapping = new RouteTableHandlerMapping(webHandler, routeLocator, cors, environment);
        versions.ifAvailable(mapping::setApiVersionStrategy);
        return mapping;
    }

    /** The response timeouts' wheel: a tenth of a second late at most, against timeouts of seconds. */
    @Bean(destroyMethod = "close")
    ResponseDeadlines responseDeadlines() {
        return new ResponseDeadlines(Duration.ofMillis(100));
    }

    /**
     * Spring Cloud Gateway's response writer, which streams a service's answer body to the client. Its own bean
     * exists only with its routing filter, which {@link ServiceProxyFilter} replaces.
     */
    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties gateway,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(gateway.getStreamingMediaTypes(), headersFilters);
    }

    /** Spring Cloud Gateway's proxy client, with its connections pooled per event loop. */
    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties server,
            HttpClientSslConfigurer ssl, List<HttpClientCustomizer> customizers) {
        return new EventLoopAffineHttpClientFactory(properties, server, ssl, customizers);
    }

    @Bean
    HttpClientCustomizer noRetryHttpClientCustomizer() {
        return new NoRetryHttpClientCustomizer();
    }

    /**
     * The connect timeout (the same for every service) set on the proxy client once. As route metadata, Spring Cloud
     * Gateway would apply it per request with {@code HttpClient.option}, which copies the client's whole
     * configuration every time (1.5 % of the gateway's CPU in the benchmark's profile).
     */
    @Bean
    HttpClientCustomizer connectTimeoutHttpClientCustomizer(GatewayRoutesProperties services) {
        int millis = (int) services.timeouts().connect().toMillis();
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
    }

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder routes, GatewayRoutesProperties services,
            ServiceCircuitBreakerGatewayFilterFactory breakers) {
        GatewayRoutesProperties.Timeouts timeouts = services.timeouts();
        return routes.routes()
                .route("auth", route -> service(route.path("/api/auth/**"), "auth", services.auth(),
                        timeouts.auth(), breakers))
                .route("instances", route -> service(route.path("/api/instances", "/api/instances/**", "/api/messages/**"),
                        "instances", services.instances(), timeouts.instances(), breakers))
                .route("webhooks", route -> service(route.path("/api/webhooks", "/api/webhooks/**"), "webhooks",
                        services.webhooks(), timeouts.webhooks(), breakers))
                .route("billing", route -> service(route.path("/api/billing/**"), "billing", services.billing(),
                        timeouts.billing(), breakers))
                .build();
    }

    private static Buildable<Route> service(BooleanSpec predicate, String name, URI uri, Duration responseTimeout,
            ServiceCircuitBreakerGatewayFilterFactory breakers) {
        return predicate
                .filters(filters -> filters.filter(breakers.apply(name)))
                .metadata(RESPONSE_TIMEOUT_ATTR, responseTimeout.toMillis())
                .uri(uri);
    }
}
