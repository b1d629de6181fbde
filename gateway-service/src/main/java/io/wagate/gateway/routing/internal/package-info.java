/**
 * Routing internals: the filter that calls the services ({@link io.wagate.gateway.routing.internal.ServiceProxyFilter}),
 * the headers of the requests to them and of their answers, and adjustments of the HTTP client it uses. Nothing here
 * is used outside the routing feature.
 */
@NullMarked
package io.wagate.gateway.routing.internal;

import org.jspecify.annotations.NullMarked;
