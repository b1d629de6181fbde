package io.wagate.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns any failure into the platform's problem document. One mapping for controllers and for everything that fails
 * outside them (filters, routing), so a client sees the same shape and the same types everywhere.
 */
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);
    private static final int MAX_ECHO = 100;

    /** A problem with the status and headers to answer it with. */
    public record Mapped(HttpStatusCode status, ProblemDetail body, HttpHeaders headers) {
    }

    /**
     * Whether a failure can no longer be answered: the client has gone away (it closed the connection while the
     * service was still working, typically on its own timeout), or the answer has already started. Neither is the
     * service's error, and a problem written now would only fail again; Spring's handler logs such failures at debug
     * level and closes the exchange.
     */
    public static boolean cannotAnswer(ServerWebExchange exchange, Throwable error) {
        return exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error);
    }

    public Mapped map(Throwable error, ServerWebExchange exchange) {
        String requestId = RequestIds.of(exchange);
        Mapped mapped = classify(error, requestId);
        ProblemDetail body = mapped.body();
        body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        if (requestId != null) {
            body.setProperty("requestId", requestId);
        }
        return mapped;
    }

    private Mapped classify(Throwable error, @Nullable String requestId) {
        if (error instanceof ApiProblem problem) {
            return new Mapped(problem.getStatusCode(), problem.getBody(), problem.getHeaders());
        }
        Throwable limit = find(error, DataBufferLimitException.class);
        if (limit != null || error instanceof PayloadTooLargeException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is larger than this endpoint accepts");
        }
        if (error instanceof WebExchangeBindException binding) {
            List<Map<String, String>> errors = binding.getFieldErrors().stream()
                    .map(field -> Map.of("field", echo(field.getField()),
                            "message", String.valueOf(field.getDefaultMessage())))
                    .toList();
            Mapped mapped = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Validation failed",
                    errors.size() == 1 ? errors.getFirst().get("field") + ": " + errors.getFirst().get("message")
                            : errors.size() + " fields are invalid");
            mapped.body().setProperty("errors", errors);
            return mapped;
        }
        JacksonException json = find(error, JacksonException.class);
        if (json != null && (error instanceof DecodingException || find(error, DecodingException.class) != null
                || error instanceof ErrorResponse)) {
            return jsonProblem(json);
        }
        if (error instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            ProblemDetail body = response.getBody();
            String detail = status.value() == 404 ? "Nothing exists at this path"
                    : status.is5xxServerError() ? "The service could not complete the request" : safeDetail(body);
            Mapped mapped = problem(status, typeFor(status), titleFor(status, body), detail);
            mapped.headers().putAll(response.getHeaders());
            return mapped;
        }
        RequestIds.onLogLine(log.atError(), requestId).setCause(error).log("Unhandled error");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "An unexpected error occurred; quote the request id when reporting it");
    }

    private Mapped jsonProblem(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            Mapped mapped = problem(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_FIELD, "Unknown field",
                    "Field '" + echo(path(unknown)) + "' is not part of this request");
            mapped.body().setProperty("field", echo(path(unknown)));
            return mapped;
        }
        if (json instanceof ValueInstantiationException invalid) {
            Throwable cause = invalid.getCause();
            String detail = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "The request body has invalid values";
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Validation failed", echo(detail));
        }
        if (json instanceof MismatchedInputException && String.valueOf(json.getOriginalMessage()).startsWith("Trailing token")) {
            // Jackson reports a second JSON value after the first as a shape mismatch; for the client it is broken JSON.
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                    "The request body is not valid JSON");
        }
        if (json instanceof InvalidFormatException || json instanceof MismatchedInputException) {
            String field = path(json);
            Mapped mapped = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_FIELD_TYPE, "Invalid field type",
                    field.isEmpty() ? "The request body does not have the expected shape"
                            : "Field '" + echo(field) + "' has the wrong type or format");
            if (!field.isEmpty()) {
                mapped.body().setProperty("field", echo(field));
            }
            return mapped;
        }
        if (json instanceof StreamReadException) {
            return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                    "The request body is not valid JSON");
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                "The request body could not be read");
    }

    private static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Mapped problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        return new Mapped(status, body, new HttpHeaders());
    }

    static URI typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemTypes.INVALID_REQUEST;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 409 -> ProblemTypes.CONFLICT;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemTypes.RATE_LIMITED;
            case 503 -> ProblemTypes.SERVICE_UNAVAILABLE;
            case 504 -> ProblemTypes.GATEWAY_TIMEOUT;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL_ERROR : ProblemTypes.INVALID_REQUEST;
        };
    }

    private static String titleFor(HttpStatusCode status, ProblemDetail body) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return body.getTitle() != null ? body.getTitle() : known != null ? known.getReasonPhrase() : "Error";
    }

    private static String safeDetail(ProblemDetail body) {
        return body.getDetail() != null ? echo(body.getDetail()) : titleFor(HttpStatusCode.valueOf(body.getStatus()), body);
    }

    /** Bounds and cleans anything derived from client input before it goes back into a response or a log. */
    static String echo(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_ECHO ? clean : clean.substring(0, MAX_ECHO) + "...";
    }

    private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
