package io.wagate.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.GatewayFilterOrder;
import io.wagate.gateway.GatewayProblems;
import io.wagate.gateway.TwoTagCounter;
import io.wagate.support.web.ApiProblem;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j circuit breaker around the call to one service, answering problem+json instead of Spring Cloud
 * Gateway's bare status codes: 503 {@code service-unavailable} when the service cannot be reached or its breaker is
 * open, 504 {@code gateway-timeout} when it does not answer in time.
 *
 * <p>Why not Spring Cloud's CircuitBreaker filter: it can only count a 5xx answer as a failure by failing the
 * exchange after the answer started streaming. Driving the breaker by hand records 5xx answers as failures while
 * still passing them through unchanged. Nothing is retried here: a POST that reached a service may have taken
 * effect, so only the client may decide to repeat it.
 */
public class ServiceCircuitBreakerGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ServiceCircuitBreakerGatewayFilterFactory.Config> {

    private final CircuitBreakerRegistry registry;
    private final TwoTagCounter outcomes;

    public ServiceCircuitBreakerGatewayFilterFactory(CircuitBreakerRegistry registry, MeterRegistry meters) {
        super(Config.class);
        this.registry = registry;
        this.outcomes = new TwoTagCounter(meters, "wagate.gateway.upstream", "route", "outcome");
    }

    /** The filter for the breaker named like the service (configured under {@code resilience4j.circuitbreaker}). */
    public GatewayFilter apply(String name) {
        Config config = new Config();
        config.setName(name);
        return apply(config);
    }

    @Override
    public GatewayFilter apply(Config config) {
        CircuitBreaker breaker = registry.circuitBreaker(config.getName());
        String name = config.getName();
        // Retry-After of a refused call: the breaker's wait before it tries the service again.
        Duration openFor = Duration.ofMillis(Math.max(1000,
                breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)));
        return new OrderedGatewayFilter((exchange, chain) -> {
            if (!breaker.tryAcquirePermission()) {
                outcome(name, "rejected_open");
                return Mono.error(GatewayProblems.serviceUnavailable(
                        "The " + name + " service is failing; the gateway stopped calling it for a moment", openFor));
            }
            long start = breaker.getCurrentTimestamp();
            long startNanos = System.nanoTime();
            return chain.filter(exchange)
                    .doOnSuccess(ignored -> {
                        UpstreamTime.record(exchange, System.nanoTime() - startNanos);
                        long elapsed = breaker.getCurrentTimestamp() - start;
                        HttpStatusCode status = exchange.getResponse().getStatusCode();
                        if (status != null && isServiceFailure(status)) {
                            breaker.onError(elapsed, breaker.getTimestampUnit(), new ServiceFailure(status));
                            outcome(name, "service_error");
                        } else {
                            breaker.onSuccess(elapsed, breaker.getTimestampUnit());
                            outcome(name, "success");
                        }
                    })
                    .doOnCancel(breaker::releasePermission)
                    .onErrorMap(error -> {
                        UpstreamTime.record(exchange, System.nanoTime() - startNanos);
                        if (causedByClient(error)) {
                            // The client's fault (an oversized body): says nothing about the service's health.
                            breaker.releasePermission();
                            return error;
                        }
                        breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), error);
                        if (isTimeout(error)) {
                            outcome(name, "timeout");
                            return GatewayProblems.gatewayTimeout("The " + name + " service did not answer in time");
                        }
                        if (error instanceof ApiProblem) {
                            return error;
                        }
                        outcome(name, "unreachable");
                        return GatewayProblems.serviceUnavailable("The " + name + " service cannot be reached",
                                Duration.ofSeconds(5));
                    });
        }, GatewayFilterOrder.CIRCUIT_BREAKER);
    }

    private void outcome(String route, String outcome) {
        outcomes.increment(route, outcome);
    }

    /** Answers that mean the service is in trouble; 500 is a bug in one request, not an outage, so it does not count. */
    private static boolean isServiceFailure(HttpStatusCode status) {
        return status.value() == 502 || status.value() == 503 || status.value() == 504;
    }

    private static boolean causedByClient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable error) {
        return error instanceof TimeoutException
                || error instanceof ResponseStatusException response && response.getStatusCode().value() == 504;
    }

    /** Records a 5xx answer of the service as a breaker failure. */
    static final class ServiceFailure extends RuntimeException {
        ServiceFailure(HttpStatusCode status) {
            super("service answered " + status.value(), null, false, false);
        }
    }

    /** The breaker to use: its settings come from {@code resilience4j.circuitbreaker.instances.<name>}. */
    public static class Config {
        private String name = "default";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
