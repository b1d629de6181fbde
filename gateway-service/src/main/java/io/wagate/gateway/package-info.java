/**
 * gateway-service: the only public entry of the platform. It authenticates every request (user JWT or API key), applies the plan's rate limits, routes to the services and forwards a short-lived internal identity token.
 */
@NullMarked
package io.wagate.gateway;

import org.jspecify.annotations.NullMarked;
