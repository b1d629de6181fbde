package io.wagate.gateway;

import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The problems the gateway itself answers. They are raised as errors and rendered by service-support's problem
 * handler, so they look exactly like the services' own problems (request id, instance, stable type).
 */
public final class GatewayProblems {

    /** The service did not answer in time; the request may or may not have taken effect. */
    public static final URI GATEWAY_TIMEOUT = ProblemTypes.GATEWAY_TIMEOUT;

    private GatewayProblems() {
    }

    /** 401 with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
    public static ApiProblem unauthorized(String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"wagate\"");
        return new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, Map.of(),
                headers);
    }

    public static ApiProblem rateLimited(String detail, HttpHeaders headers) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests", detail,
                Map.of(), headers);
    }

    public static ApiProblem serviceUnavailable(String detail, Duration retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                detail, Map.of(), headers);
    }

    public static ApiProblem gatewayTimeout(String detail) {
        return new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, GATEWAY_TIMEOUT, "Gateway timeout", detail);
    }
}
