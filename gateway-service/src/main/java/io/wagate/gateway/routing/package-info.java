/**
 * Which public path goes to which service. The gateway is the only public entry; the services behind it are
 * reachable only from inside the platform network.
 */
@NullMarked
package io.wagate.gateway.routing;

import org.jspecify.annotations.NullMarked;
