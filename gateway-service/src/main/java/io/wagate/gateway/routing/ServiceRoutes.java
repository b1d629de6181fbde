package io.wagate.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public API surface, mapped path by path onto the services. */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder routes, GatewayRoutesProperties services) {
        return routes.routes()
                .route("auth", route -> route.path("/api/auth/**").uri(services.auth()))
                .route("instances", route -> route.path("/api/instances", "/api/instances/**", "/api/messages/**")
                        .uri(services.instances()))
                .route("webhooks", route -> route.path("/api/webhooks", "/api/webhooks/**").uri(services.webhooks()))
                .route("billing", route -> route.path("/api/billing/**").uri(services.billing()))
                .build();
    }
}
