package io.wagate.gateway.routing.internal;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Sends a routed request to its service and hands the answer to Spring Cloud Gateway's response writer: what
 * {@link NettyRoutingFilter} does (switched off in the configuration), with the headers written once instead of
 * copied three times. Spring Cloud Gateway builds the outgoing headers as a case-insensitive map through every
 * {@code HttpHeadersFilter}, copies them into Netty's headers, and copies the answer's headers through the filters
 * again; with the gateway's one header rule that was about a sixth of the gateway's CPU in the platform benchmark's
 * profile. Here the request's headers go straight into the outgoing request ({@link ServiceRequestHeaders}) and the
 * answer's straight into the gateway's answer ({@link ServiceResponseHeaders}).
 *
 * <p>The service is the route's URI, the path and query the request's own, so Spring Cloud Gateway's
 * {@code RouteToRequestUrlFilter} (switched off too) need not merge them into a new URL for every request: it matched
 * the route's URI against a regular expression, built the URL with {@code UriComponentsBuilder} and parsed it again,
 * 4 % of the gateway's event-loop samples in the platform benchmark's profile. Plain HTTP services are called with a
 * client bound to their address and a path-only URI, which spares the client parsing an absolute URL with a regular
 * expression on every request (2 % of the gateway's CPU). Nothing is
 * retried; the route's response timeout bounds the wait for the answer's headers, not a streamed body, and is kept
 * on the gateway's timer wheel ({@link ResponseDeadlines}).
 */
public final class ServiceProxyFilter implements GlobalFilter, Ordered {

    /** Where {@link NettyRoutingFilter} would run: last. */
    public static final int ORDER = NettyRoutingFilter.ORDER;

    private final HttpClient client;
    private final ServiceRequestHeaders requestHeaders;
    private final @Nullable Duration defaultResponseTimeout;
    private final ResponseDeadlines deadlines;
    /** A client set up for TLS would choose TLS for a path-only URI too: it keeps absolute URLs throughout. */
    private final boolean bindsPlainHttp;
    private final Map<String, HttpClient> boundClients = new ConcurrentHashMap<>();

    public ServiceProxyFilter(HttpClient client, ServiceRequestHeaders requestHeaders,
            @Nullable Duration defaultResponseTimeout, ResponseDeadlines deadlines) {
        this.client = client;
        this.requestHeaders = requestHeaders;
        this.defaultResponseTimeout = defaultResponseTimeout;
        this.deadlines = deadlines;
        this.bindsPlainHttp = client.configuration().sslProvider() == null;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        URI service = route.getUri();
        String scheme = service.getScheme();
        if (isAlreadyRouted(exchange) || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        ServerHttpRequest request = exchange.getRequest();
        // The request's path and query as they came (still encoded) at the route's service.
        String pathAndQuery = pathAndQuery(request.getURI());
        HttpClient bound = boundClient(service);
        String uri = bound != null ? pathAndQuery : scheme + "://" + service.getRawAuthority() + pathAndQuery;
        Flux<HttpClientResponse> answers = (bound != null ? bound : client)
                .request(HttpMethod.valueOf(request.getMethod().name()))
                .uri(uri)
                .send((outgoing, outbound) -> {
                    // The service's own authority, as with an absolute URL (the client would name the address).
                    outgoing.requestHeaders().set(HttpHeaderNames.HOST, service.getRawAuthority());
                    requestHeaders.writeTo(outgoing.requestHeaders(), exchange);
                    return outbound.send(request.getBody().map(NettyDataBufferFactory::toByteBuf));
                })
                .responseConnection((answer, connection) -> {
                    // Spring Cloud Gateway's response writer (NettyWriteResponseFilter) streams the body from here.
                    exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, answer);
                    exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
                    ServerHttpResponse response = exchange.getResponse();
                    response.setStatusCode(HttpStatusCode.valueOf(answer.status().code()));
                    String contentType = answer.responseHeaders().get("Content-Type");
                    if (contentType != null && !contentType.isEmpty()) {
                        exchange.getAttributes().put(ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR, contentType);
                    }
                    if (!response.isCommitted()) {
                        ServiceResponseHeaders.copy(answer.responseHeaders(), response.getHeaders());
                    }
                    return Mono.just(answer);
                });
        Duration timeout = responseTimeout(route);
        if (timeout != null) {
            // Only the answer's headers have a deadline: after them, nothing (a streamed body may take its time).
            answers = answers.timeout(deadlines.after(timeout), headers -> Mono.never(),
                    Mono.error(() -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                            "Response took longer than " + timeout.toMillis() + " ms")));
        }
        // The request's context, read once here: the client asks for it several times per call (when it subscribes,
        // retries, sends and observes the connection), and each time Reactor walked it up through every operator of
        // the gateway's filter chain (about 3 % of the gateway's samples in the benchmark's profile).
        return answers.contextWrite(Function.identity()).then(chain.filter(exchange));
    }

    /**
     * The client bound to a plain-HTTP service's address, made once per address; none for HTTPS (or a client set
     * up for TLS), which keeps the absolute URL and so the client's own choice of TLS per request.
     */
    private @Nullable HttpClient boundClient(URI url) {
        if (!bindsPlainHttp || !"http".equalsIgnoreCase(url.getScheme())) {
            return null;
        }
        String authority = url.getRawAuthority();
        HttpClient bound = boundClients.get(authority);
        if (bound == null) {
            int port = url.getPort() == -1 ? 80 : url.getPort();
            InetSocketAddress address = InetSocketAddress.createUnresolved(url.getHost(), port);
            bound = client.remoteAddress(() -> address);
            HttpClient raced = boundClients.putIfAbsent(authority, bound);
            bound = raced != null ? raced : bound;
        }
        return bound;
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String query = url.getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    private @Nullable Duration responseTimeout(Route route) {
        // The routes set it in milliseconds (ServiceRoutes); a negative value means no timeout, as in Spring Cloud
        // Gateway.
        if (route.getMetadata().get(RESPONSE_TIMEOUT_ATTR) instanceof Number millis) {
            return millis.longValue() >= 0 ? Duration.ofMillis(millis.longValue()) : null;
        }
        return defaultResponseTimeout;
    }
}
