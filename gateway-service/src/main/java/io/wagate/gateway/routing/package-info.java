/**
 * Which public path goes to which service, with a response timeout and a circuit breaker per service. The gateway is
 * the only public entry; the services behind it are reachable only from inside the platform network. The gateway
 * never retries a request on its own (see {@link io.wagate.gateway.routing.ServiceCircuitBreakerGatewayFilterFactory}).
 */
@NullMarked
package io.wagate.gateway.routing;

import org.jspecify.annotations.NullMarked;
