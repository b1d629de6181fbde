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

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> on(Throwable error, ServerWebExchange exchange) {
        ProblemMapper.Mapped problem = mapper.map(error, exchange);
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }
}
