package io.wagate.webhook.endpoint;

import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/** The webhook-specific problem types (listed in docs/api/problems.md). */
public final class WebhookProblems {

    public static final URI INVALID_URL = ProblemTypes.of("invalid-webhook-url");
    public static final URI FORBIDDEN_ADDRESS = ProblemTypes.of("forbidden-webhook-address");
    public static final URI FORBIDDEN_HEADER = ProblemTypes.of("forbidden-webhook-header");
    public static final URI REPLAY_EXPIRED = ProblemTypes.of("webhook-replay-expired");
    public static final URI REPLAY_TOO_LARGE = ProblemTypes.of("webhook-replay-too-large");

    private WebhookProblems() {
    }

    static ApiProblem invalidUrl(String detail) {
        return new ApiProblem(HttpStatusCode.valueOf(400), INVALID_URL, "Invalid webhook URL", detail);
    }

    static ApiProblem forbiddenAddress(String host) {
        return new ApiProblem(HttpStatusCode.valueOf(400), FORBIDDEN_ADDRESS, "Forbidden webhook address",
                "The host " + host + " resolves to a loopback, private, link-local, multicast or metadata address",
                Map.of("host", host));
    }

    /** The delivery existed, but its body is no longer kept (older than the replay retention). */
    public static ApiProblem replayExpired(String webhookId, String retention) {
        return new ApiProblem(HttpStatusCode.valueOf(410), REPLAY_EXPIRED, "Delivery no longer replayable",
                "The body of " + webhookId + " is kept for replay for " + retention + " only and has been deleted",
                Map.of("webhookId", webhookId));
    }

    /** A range replay matched more deliveries than one request replays. */
    public static ApiProblem replayTooLarge(int limit) {
        return new ApiProblem(HttpStatusCode.valueOf(400), REPLAY_TOO_LARGE, "Too many deliveries to replay",
                "The range matches more than " + limit + " deliveries; narrow it (since, until, eventTypes, outcome)",
                Map.of("limit", limit));
    }

    static ApiProblem forbiddenHeader(String name) {
        return new ApiProblem(HttpStatusCode.valueOf(400), FORBIDDEN_HEADER, "Forbidden webhook header",
                "The header " + name + " is set by the platform or by the HTTP connection and cannot be configured",
                Map.of("header", name));
    }
}
