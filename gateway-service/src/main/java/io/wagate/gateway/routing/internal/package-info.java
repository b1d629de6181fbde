/**
 * Routing internals: adjustments of the HTTP client that calls the services. Nothing here is used outside the
 * routing feature.
 */
@NullMarked
package io.wagate.gateway.routing.internal;

import org.jspecify.annotations.NullMarked;
