package io.wagate.gateway.routing.internal;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;

import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's handler mapping, finding a request's route in a table of the routes kept since their last
 * refresh, and taking the verdict of a predicate that has it at once (a path predicate answers with a scalar
 * {@code Mono.just}) without a reactive pipeline.
 *
 * <p>Spring Cloud Gateway looks the route up by subscribing to the route locator's cached routes and filtering them
 * through {@code filterWhen}, a chain of operators per request that cancels the rest of the routes when one matches
 * and walks the request's context up through the filter chain to discard them (those walks alone were 1.3 % of the
 * gateway's event-loop samples in the platform benchmark's profile). The result is the same: routes in order, the
 * first whose predicate says yes; a predicate that throws is logged and counts as no; a predicate whose verdict is
 * still to come (not one of the gateway's routes today) sends the lookup from that route on down the reactive way.
 */
public final class RouteTableHandlerMapping extends RoutePredicateHandlerMapping
        implements ApplicationListener<RefreshRoutesResultEvent>, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RouteTableHandlerMapping.class);

    private final RouteLocator routeLocator;
    private volatile @Nullable List<Route> routes;

    public RouteTableHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties globalCorsProperties, Environment environment) {
        super(webHandler, routeLocator, globalCorsProperties, environment);
        this.routeLocator = routeLocator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    @Override
    public void onApplicationEvent(RefreshRoutesResultEvent event) {
        if (event.isSuccess()) {
            reload();
        }
    }

    private void reload() {
        routeLocator.getRoutes().collectList().subscribe(
                loaded -> routes = List.copyOf(loaded),
                failure -> log.warn("Could not read the routes; keeping the table of the last refresh", failure));
    }

    @Override
    protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
        List<Route> table = routes;
        if (table == null) {
            return super.lookupRoute(exchange);
        }
        for (int i = 0; i < table.size(); i++) {
            Route route = table.get(i);
            Publisher<Boolean> verdict = verdict(route, exchange);
            if (!(verdict instanceof Callable<?> scalar)) {
                return lookupFrom(table, i, verdict, exchange);
            }
            Object matches;
            try {
                matches = scalar.call();
            } catch (Exception failure) {
                // As the verdict's error signal would be in Spring Cloud Gateway's lookup: the request fails.
                return Mono.error(failure);
            }
            if (Boolean.TRUE.equals(matches)) {
                validateRoute(route, exchange);
                return Mono.just(route);
            }
        }
        return Mono.empty();
    }

    /** The rest of the table from {@code index} on, the reactive way, starting with that route's verdict. */
    private Mono<Route> lookupFrom(List<Route> table, int index, Publisher<Boolean> verdict,
            ServerWebExchange exchange) {
        Route route = table.get(index);
        Mono<Route> first = Mono.from(verdict).filter(Boolean::booleanValue).map(yes -> route);
        Flux<Route> rest = Flux.fromIterable(table.subList(index + 1, table.size()))
                .filterWhen(next -> verdict(next, exchange));
        return Flux.concat(first, rest).next().map(found -> {
            validateRoute(found, exchange);
            return found;
        });
    }

    private Publisher<Boolean> verdict(Route route, ServerWebExchange exchange) {
        exchange.getAttributes().put(GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
        try {
            return route.getPredicate().apply(exchange);
        } catch (Exception failure) {
            log.error("Error applying predicate for route: {}", route.getId(), failure);
            return Mono.just(false);
        }
    }
}
