package io.wagate.gateway.accesslog;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wagate.gateway.GatewayFilterOrder;
import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.routing.UpstreamTime;
import io.wagate.support.web.ProblemWebExceptionHandler;
import io.wagate.support.web.RequestIds;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One structured log line and one timer sample per request: method, path template, route, status, latency (and
 * how much of it the call to the service took), principal type and tenant id. Never a token, a key or a query
 * string. Errors are rendered as problems right here (by the same handler that would render them later), so the
 * line carries the status the client really got.
 */
public final class AccessLogWebFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("io.wagate.gateway.access");

    private final ProblemWebExceptionHandler problems;
    private final MeterRegistry meters;
    // Looked up by a small key instead of building the meter id (five tags, sorted) on every request.
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Timer> overheads = new ConcurrentHashMap<>();
    private final ApplicationContext applicationContext;

    /**
     * @param applicationContext the gateway's own context: requests served by another (the management server's
     *     child context, on the management port) are probes and scrapes, neither logged nor timed
     */
    public AccessLogWebFilter(ProblemWebExceptionHandler problems, MeterRegistry meters,
            ApplicationContext applicationContext) {
        this.problems = problems;
        this.meters = meters;
        this.applicationContext = applicationContext;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ApplicationContext servedBy = exchange.getApplicationContext();
        if (servedBy != null && servedBy != applicationContext) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        return chain.filter(exchange)
                .onErrorResume(error -> problems.handle(exchange, error))
                .doFinally(signal -> record(exchange, signal, System.nanoTime() - start));
    }

    private void record(ServerWebExchange exchange, SignalType signal, long nanos) {
        String path = exchange.getRequest().getPath().value();
        HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
        int status = signal == SignalType.CANCEL ? 499 : statusCode == null ? 200 : statusCode.value();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "none";
        Caller caller = Caller.of(exchange);
        String principalType = caller == null ? "anonymous" : caller.typeTag();
        String method = exchange.getRequest().getMethod().name();
        String template = PathTemplates.of(path);
        double millis = nanos / 1_000_000.0;
        timers.computeIfAbsent(new TimerKey(routeId, method, status, principalType), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        Long upstreamNanos = UpstreamTime.of(exchange);
        if (upstreamNanos != null) {
            overheads.computeIfAbsent(routeId, this::overheadTimer)
                    .record(Math.max(0, nanos - upstreamNanos), TimeUnit.NANOSECONDS);
        }
        if (!log.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder line = RequestIds.onLogLine(log.atInfo(), RequestIds.of(exchange))
                .addKeyValue("http.request.method", method)
                .addKeyValue("url.path_template", template)
                .addKeyValue("gateway.route", routeId)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration_ms", Math.round(millis * 100) / 100.0);
        if (upstreamNanos != null) {
            line = line.addKeyValue("upstream.duration_ms", Math.round(upstreamNanos / 10_000.0) / 100.0);
        }
        line.addKeyValue("principal.type", principalType)
                .addKeyValue("tenant.id", caller == null ? "" : caller.tenantId().toString())
                .log("{} {} {} {} ms", method, template, status, Math.round(millis));
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("wagate.gateway.requests")
                .description("Requests through the gateway, by route, outcome and principal type")
                .tag("route", key.route())
                .tag("method", key.method())
                .tag("outcome", outcome(key.status()))
                .tag("status", Integer.toString(key.status()))
                .tag("principal_type", key.principalType())
                .register(meters);
    }

    private Timer overheadTimer(String route) {
        return Timer.builder("wagate.gateway.overhead")
                .description("Time a request spent in the gateway outside the call to the service")
                .tag("route", route)
                .register(meters);
    }

    private static String outcome(int status) {
        if (status == 499) {
            return "cancelled";
        }
        return switch (status / 100) {
            case 2, 3 -> "success";
            case 4 -> status == 401 ? "unauthorized" : status == 429 ? "rate_limited" : "client_error";
            default -> "server_error";
        };
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.ACCESS_LOG;
    }

    /** A constant: Spring's filter chain names every request's checkpoint after it. */
    @Override
    public String toString() {
        return "AccessLogWebFilter";
    }

    private record TimerKey(String route, String method, int status, String principalType) {
    }
}
