package io.wagate.support.web;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of every domain error a service raises: it already is the problem document (status, stable type, title,
 * detail and extra members), so the advice only adds the request id and the instance.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatusCode status, URI type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ApiProblem(HttpStatusCode status, URI type, String title, String detail, Map<String, ?> properties) {
        this(status, type, title, detail, properties, null);
    }

    public ApiProblem(HttpStatusCode status, URI type, String title, String detail, Map<String, ?> properties,
            @Nullable HttpHeaders headers) {
        super(status, problem(status, type, title, detail, properties), null);
        if (headers != null) {
            getHeaders().putAll(headers);
        }
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatusCode.valueOf(404), ProblemTypes.NOT_FOUND, "Not found", what + " does not exist");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatusCode.valueOf(409), ProblemTypes.CONFLICT, "Conflict", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatusCode.valueOf(403), ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatusCode.valueOf(401), ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }

    public static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatusCode.valueOf(400), ProblemTypes.VALIDATION_FAILED, "Validation failed", detail);
    }

    private static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail,
            Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
