/**
 * Routing internals: the route lookup ({@link io.wagate.gateway.routing.internal.RouteTableHandlerMapping}), the
 * filter that calls the services ({@link io.wagate.gateway.routing.internal.ServiceProxyFilter}) and the deadlines
 * of its calls, the headers of the requests to the services and of their answers, and adjustments of the HTTP client
 * it uses. Nothing here is used outside the routing feature.
 */
@NullMarked
package io.wagate.gateway.routing.internal;

import org.jspecify.annotations.NullMarked;
