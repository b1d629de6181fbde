package io.wagate.support.web;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json for failures outside controllers: unknown routes, filters, the gateway's own errors. Runs before
 * Spring Boot's HTML/JSON error handler so that no other error shape ever leaves a service.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private final ProblemMapper mapper;
    private final JsonMapper json;

    public ProblemWebExceptionHandler(ProblemMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (ProblemMapper.cannotAnswer(exchange, error)) {
            return Mono.error(error);
        }
        ServerHttpResponse response = exchange.getResponse();
        ProblemMapper.Mapped problem = mapper.map(error, exchange);
        response.setStatusCode(problem.status());
        response.getHeaders().putAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(problem.body()));
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
