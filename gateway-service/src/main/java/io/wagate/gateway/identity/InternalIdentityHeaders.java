package io.wagate.gateway.identity;

import io.netty.handler.codec.http.HttpHeaders;
import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.plan.TenantPlan;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokens;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.web.server.ServerWebExchange;

/**
 * The phantom-token step, applied while the headers of the request to a service are built: whatever
 * {@code X-WaGate-Identity} or {@code X-WaGate-Identity-Next} a client sent is dropped, and so are its API key
 * headers (services get the token and cannot leak what they never saw); an authenticated request gets a minted
 * internal token (tenant, principal, roles, scopes, instance, plan) that the services trust instead of the client's
 * credentials, and the token's announced successor when there is one. Anonymous requests reach the services without
 * any identity.
 */
public final class InternalIdentityHeaders implements AutoCloseable {

    private static final String IDENTITY_HEADER = InternalTokens.HEADER.toLowerCase(Locale.ROOT);
    private static final String NEXT_IDENTITY_HEADER = InternalTokens.NEXT_HEADER.toLowerCase(Locale.ROOT);
    private static final String API_KEY_HEADER = "x-api-key";
    private static final String AUTHORIZATION = "authorization";

    private final ThreadPoolExecutor renewals;
    private final MintedTokens tokens;
    private final PlanProperties plans;

    /**
     * @param warmUpRounds tokens signed (and thrown away) on the renewal thread right after startup, so that the JIT
     *     has compiled the signing before the first renewal: run twice a minute per identity, it never gets compiled
     *     otherwise, and each renewal then took milliseconds of interpreted code and compilations
     */
    public InternalIdentityHeaders(InternalTokenIssuer issuer, Duration tokenTtl, PlanProperties plans,
            int warmUpRounds) {
        // One thread that ends when idle: renewals come one per identity per half lifetime. Bounded: a refused
        // renewal is made by a request at the end of the reuse period instead.
        this.renewals = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                Thread.ofPlatform().daemon().name("internal-token-renewal").factory());
        renewals.allowCoreThreadTimeOut(true);
        this.tokens = new MintedTokens(issuer, tokenTtl, 100_000, System::nanoTime, renewals);
        this.plans = plans;
        if (warmUpRounds > 0) {
            renewals.execute(() -> {
                for (int i = 0; i < warmUpRounds && !Thread.currentThread().isInterrupted(); i++) {
                    issuer.issue(InternalTokens.SAMPLE_IDENTITY);
                }
            });
        }
    }

    /** Whether a client's header (lower-case name) must not travel past the gateway. */
    public boolean drops(String lowerCaseName, List<String> values) {
        if (lowerCaseName.equals(IDENTITY_HEADER) || lowerCaseName.equals(NEXT_IDENTITY_HEADER)
                || lowerCaseName.equals(API_KEY_HEADER)) {
            return true;
        }
        if (!lowerCaseName.equals(AUTHORIZATION)) {
            return false;
        }
        for (String value : values) {
            if (value.regionMatches(true, 0, "Bearer wg_", 0, 10)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the internal token of an authenticated request ({@link InternalTokens#HEADER}), and its successor
     * ({@link InternalTokens#NEXT_HEADER}) once that is signed.
     */
    public void addTo(HttpHeaders headers, ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        if (caller != null) {
            TenantPlan plan = TenantPlan.of(exchange);
            String planName = plan != null ? plan.name() : plans.defaultPlan();
            MintedTokens.MintedToken minted = tokens.tokenFor(new InternalIdentity(caller.tenantId(),
                    caller.principalId(), caller.type(), caller.roles(), caller.scopes(), caller.instanceId(),
                    planName));
            headers.set(InternalTokens.HEADER, minted.token());
            MintedTokens.MintedToken successor = minted.successor();
            if (successor != null) {
                headers.set(InternalTokens.NEXT_HEADER, successor.token());
            }
        }
    }

    /** Stops renewing tokens (the application is stopping). */
    @Override
    public void close() {
        renewals.shutdownNow();
    }
}
