/**
 * gateway-service: the only public entry of the platform. It authenticates every request (user JWT or API key),
 * applies the plan's rate limits, routes to the services and forwards a short-lived internal identity token. The
 * features live in sub-packages; {@link io.wagate.gateway.GatewayFilterOrder} fixes how their filters nest.
 */
@NullMarked
package io.wagate.gateway;

import org.jspecify.annotations.NullMarked;
