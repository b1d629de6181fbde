package io.wagate.gateway.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RouteTableHandlerMappingTests {

    private final List<Route> routes = new ArrayList<>();
    private final RouteLocator locator = () -> Flux.fromIterable(List.copyOf(routes));
    private final AtomicInteger lastRouteAsked = new AtomicInteger();
    private RouteTableHandlerMapping table;
    private SpringCloudGatewayLookup reference;

    @BeforeEach
    void routes() {
        routes.add(route("auth", exchange -> path(exchange).startsWith("/api/auth/")));
        routes.add(route("broken", exchange -> {
            if (path(exchange).startsWith("/broken")) {
                throw new IllegalStateException("a predicate that fails");
            }
            return false;
        }));
        routes.add(Route.async().id("later").uri("http://later:8080")
                .asyncPredicate(exchange -> Mono.delay(Duration.ofMillis(5))
                        .map(tick -> path(exchange).startsWith("/later/")))
                .build());
        routes.add(route("instances", exchange -> path(exchange).startsWith("/api/instances")
                || path(exchange).startsWith("/broken")));
        routes.add(route("last", exchange -> {
            lastRouteAsked.incrementAndGet();
            return path(exchange).startsWith("/last");
        }));
        table = new RouteTableHandlerMapping(new FilteringWebHandler(List.of(), true), locator,
                new GlobalCorsProperties(), new StandardEnvironment());
        table.afterSingletonsInstantiated();
        reference = new SpringCloudGatewayLookup(locator);
    }

    @Test
    void theFirstRouteWhosePredicateSaysYesAndNoneAfterIt() {
        assertThat(routeOf(table, "/api/instances/bot-1")).isEqualTo("instances");
        assertThat(routeOf(table, "/api/auth/login")).isEqualTo("auth");
        assertThat(lastRouteAsked).hasValue(0);
        assertThat(routeOf(table, "/last/one")).isEqualTo("last");
        assertThat(lastRouteAsked).hasValue(1);
    }

    @Test
    void aPredicateWhoseVerdictIsStillToComeIsWaitedFor() {
        assertThat(routeOf(table, "/later/one")).isEqualTo("later");
        assertThat(routeOf(table, "/last/two")).isEqualTo("last");
    }

    @Test
    void aPredicateThatThrowsCountsAsNo() {
        assertThat(routeOf(table, "/broken/one")).isEqualTo("instances");
    }

    @Test
    void noRouteForAPathNoPredicateTakes() {
        assertThat(routeOf(table, "/nowhere")).isNull();
    }

    @Test
    void theSameRoutesAsSpringCloudGatewaysOwnLookup() {
        for (String path : List.of("/api/instances", "/api/auth/me", "/broken", "/later/x", "/last", "/nowhere")) {
            assertThat(routeOf(table, path)).as(path).isEqualTo(routeOf(reference, path));
        }
    }

    @Test
    void aRefreshOfTheRoutesReachesTheTable() {
        assertThat(routeOf(table, "/new/one")).isNull();
        routes.addFirst(route("new", exchange -> path(exchange).startsWith("/new/")));
        assertThat(routeOf(table, "/new/one")).isNull();
        table.onApplicationEvent(new RefreshRoutesResultEvent(locator));
        assertThat(routeOf(table, "/new/one")).isEqualTo("new");
    }

    @Test
    void aFailedRefreshKeepsTheTable() {
        routes.clear();
        table.onApplicationEvent(new RefreshRoutesResultEvent(locator, new IllegalStateException("refresh failed")));
        assertThat(routeOf(table, "/api/instances")).isEqualTo("instances");
    }

    private static String routeOf(RoutePredicateHandlerMapping mapping, String path) {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        Mono<Route> found = mapping instanceof RouteTableHandlerMapping own
                ? own.lookupRoute(exchange)
                : ((SpringCloudGatewayLookup) mapping).find(exchange);
        Route route = found.block(Duration.ofSeconds(5));
        return route == null ? null : route.getId();
    }

    private static Route route(String id, java.util.function.Predicate<ServerWebExchange> predicate) {
        return Route.async().id(id).uri("http://" + id + ":8080").predicate(predicate).build();
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    /** Spring Cloud Gateway's own lookup, for comparison. */
    private static final class SpringCloudGatewayLookup extends RoutePredicateHandlerMapping {

        SpringCloudGatewayLookup(RouteLocator locator) {
            super(new FilteringWebHandler(List.of(), true), locator, new GlobalCorsProperties(),
                    new StandardEnvironment());
        }

        Mono<Route> find(ServerWebExchange exchange) {
            return lookupRoute(exchange);
        }
    }
}
