package io.wagate.support.web;

import java.net.URI;

/**
 * The stable problem {@code type} URIs of the platform. Clients switch on these, so a type is never renamed; each
 * is described in docs/api/problems.md.
 */
public final class ProblemTypes {

    public static final String BASE = "https://wagate.io/problems/";

    public static final URI MALFORMED_JSON = of("malformed-json");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI VALIDATION_FAILED = of("validation-failed");
    public static final URI UNKNOWN_FIELD = of("unknown-field");
    public static final URI INVALID_FIELD_TYPE = of("invalid-field-type");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI CONFLICT = of("conflict");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");
    public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    /** A type URI for a slug; services use this for their domain problems (e.g. {@code plan-limit-reached}). */
    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
