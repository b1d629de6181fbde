package io.wagate.gateway.identity;

import io.wagate.gateway.GatewayFilterOrder;
import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.plan.PlanProperties;
import io.wagate.gateway.plan.TenantPlan;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokens;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The phantom-token step: whatever {@code X-WaGate-Identity} a client sent is removed, and an authenticated request
 * gets a freshly minted internal token (tenant, principal, roles, scopes, instance, plan) that the services trust
 * instead of the client's credentials. Anonymous requests reach the services without any identity.
 */
public class InternalIdentityGlobalFilter implements GlobalFilter, Ordered {

    private static final String API_KEY_HEADER = "X-Api-Key";

    private final MintedTokens tokens;
    private final PlanProperties plans;

    public InternalIdentityGlobalFilter(InternalTokenIssuer issuer, Duration tokenTtl, PlanProperties plans) {
        this.tokens = new MintedTokens(issuer, tokenTtl, 100_000, System::nanoTime);
        this.plans = plans;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Caller caller = Caller.of(exchange);
        @Nullable String token;
        if (caller == null) {
            token = null;
        } else {
            TenantPlan plan = TenantPlan.of(exchange);
            String planName = plan != null ? plan.name() : plans.defaultPlan();
            token = tokens.tokenFor(new InternalIdentity(caller.tenantId(), caller.principalId(), caller.type(),
                    caller.roles(), caller.scopes(), caller.instanceId(), planName));
        }
        ServerWebExchange forwarded = exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(InternalTokens.HEADER);
            // API keys never travel past the gateway: services get the token, and cannot leak what they never saw.
            headers.remove(API_KEY_HEADER);
            String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer wg_", 0, 10)) {
                headers.remove(HttpHeaders.AUTHORIZATION);
            }
            if (token != null) {
                headers.set(InternalTokens.HEADER, token);
            }
        })).build();
        return chain.filter(forwarded);
    }

    @Override
    public int getOrder() {
        return GatewayFilterOrder.INTERNAL_IDENTITY;
    }
}
