package io.wagate.gateway.identity;

import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.plan.TenantPlan;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.web.RequestIds;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The phantom-token step, applied to the headers of the request the gateway sends to a service: whatever
 * {@code X-WaGate-Identity} a client sent is removed, and an authenticated request gets a freshly minted internal
 * token (tenant, principal, roles, scopes, instance, plan) that the services trust instead of the client's
 * credentials. Anonymous requests reach the services without any identity. The request id goes along, so the
 * service's log lines match the gateway's.
 *
 * <p>A header filter rather than a filter that rewrites the exchange: the headers of the outgoing request are
 * copied once here, instead of copying the incoming request for every change.
 */
public final class InternalIdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final String API_KEY_HEADER = "X-Api-Key";

    private final MintedTokens tokens;
    private final PlanProperties plans;

    public InternalIdentityHeadersFilter(InternalTokenIssuer issuer, Duration tokenTtl, PlanProperties plans) {
        this.tokens = new MintedTokens(issuer, tokenTtl, 100_000, System::nanoTime);
        this.plans = plans;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!forbidden(name, values)) {
                headers.addAll(name, values);
            }
        });
        Caller caller = Caller.of(exchange);
        if (caller != null) {
            TenantPlan plan = TenantPlan.of(exchange);
            String planName = plan != null ? plan.name() : plans.defaultPlan();
            headers.set(InternalTokens.HEADER, tokens.tokenFor(new InternalIdentity(caller.tenantId(),
                    caller.principalId(), caller.type(), caller.roles(), caller.scopes(), caller.instanceId(),
                    planName)));
        }
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        return headers;
    }

    /** Headers that never travel past the gateway. */
    private static boolean forbidden(String name, java.util.List<String> values) {
        if (name.equalsIgnoreCase(InternalTokens.HEADER)) {
            return true;
        }
        // API keys never travel past the gateway: services get the token, and cannot leak what they never saw.
        if (name.equalsIgnoreCase(API_KEY_HEADER)) {
            return true;
        }
        return name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION) && values.stream()
                .anyMatch(value -> value.regionMatches(true, 0, "Bearer wg_", 0, 10));
    }

    @Override
    public int getOrder() {
        // Before the client address rewrite, which runs last.
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
