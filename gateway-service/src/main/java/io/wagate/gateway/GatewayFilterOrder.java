package io.wagate.gateway;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's own filters in one place, because their correctness depends on it: the request id
 * comes first, the access log wraps everything it reports on (including the problem answers), CORS answers
 * preflights before anything asks for credentials, and inside the gateway chain the caller is authenticated before
 * its rate limit (and plan) is looked up. The internal token carrying the plan is minted last, when the outgoing
 * request's headers are written ({@code ServiceRequestHeaders}).
 */
public final class GatewayFilterOrder {

    /** After service-support's request id filter ({@link Ordered#HIGHEST_PRECEDENCE}). */
    public static final int ACCESS_LOG = Ordered.HIGHEST_PRECEDENCE + 1;
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 2;
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 3;
    public static final int REQUEST_SIZE = Ordered.HIGHEST_PRECEDENCE + 4;

    /** Gateway (route) filters: all before Spring Cloud Gateway's response writer (-1) and routing filters. */
    public static final int AUTHENTICATION = -300;
    public static final int RATE_LIMIT = -200;
    /** Wraps only the call to the service (Netty routing), after the response writer subscribed. */
    public static final int CIRCUIT_BREAKER = 10;

    private GatewayFilterOrder() {
    }
}
