package io.wagate.instance.plan;

import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.instance.plan.internal.QuotaRows;
import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses sends of a tenant whose daily message quota is used up, from the projection of billing's quota events, so
 * the send path needs no call to billing. The block ends by itself at the period's reset even if the restoring event
 * is late.
 */
@Component
public class QuotaGuard {

    public static final URI QUOTA_EXCEEDED = ProblemTypes.of("message-quota-exceeded");

    private final QuotaRows rows;
    private final Clock clock;

    QuotaGuard(QuotaRows rows) {
        this.rows = rows;
        this.clock = Clock.systemUTC();
    }

    /** Completes when the tenant may send; otherwise fails with a 429 problem whose Retry-After is the reset. */
    public Mono<Void> requireSendAllowed(UUID tenantId) {
        Instant now = clock.instant();
        return rows.blockedUntil(tenantId, now)
                .flatMap(resetsAt -> Mono.<Void>error(exceeded(now, resetsAt)));
    }

    /** Drops the projection of a closed tenant. */
    public Mono<Void> forget(UUID tenantId) {
        return rows.delete(tenantId);
    }

    Mono<Void> apply(MessageQuotaExceeded exceeded) {
        return rows.block(exceeded.tenantId(), exceeded.day(), exceeded.resetsAt());
    }

    Mono<Void> apply(MessageQuotaRestored restored) {
        return rows.restore(restored.tenantId(), restored.day());
    }

    private static ApiProblem exceeded(Instant now, Instant resetsAt) {
        long seconds = Math.max(1, Duration.between(now, resetsAt).toSeconds());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ApiProblem(HttpStatusCode.valueOf(429), QUOTA_EXCEEDED, "Message quota exceeded",
                "The daily message quota of the plan is used up; sending resumes at " + resetsAt,
                Map.of("resetsAt", resetsAt.toString()), headers);
    }
}
