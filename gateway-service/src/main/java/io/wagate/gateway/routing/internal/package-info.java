/**
 * Routing internals: adjustments of the HTTP client that calls the services, and the headers of the requests to
 * them and of their answers. Nothing here is used outside the routing feature.
 */
@NullMarked
package io.wagate.gateway.routing.internal;

import org.jspecify.annotations.NullMarked;
