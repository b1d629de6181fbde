package io.wagate.support.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** The one advice of every service: any error a controller raises becomes a problem+json answer. */
@RestControllerAdvice
public class ProblemDetailsAdvice {

    private final ProblemMapper mapper;

    public ProblemDetailsAdvice(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws Throwable the error itself when it can no longer be answered (see {@link ProblemMapper#cannotAnswer}),
     *     for the server to close the exchange quietly instead of logging a client's disconnect as a failure
     */
    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> on(Throwable error, ServerWebExchange exchange) throws Throwable {
        if (ProblemMapper.cannotAnswer(exchange, error)) {
            throw error;
        }
        ProblemMapper.Mapped problem = mapper.map(error, exchange);
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }
}
