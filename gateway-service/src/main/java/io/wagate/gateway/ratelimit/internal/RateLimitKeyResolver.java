package io.wagate.gateway.ratelimit.internal;

import io.wagate.gateway.authentication.Caller;
import io.wagate.gateway.security.ClientAddresses;
import io.wagate.support.identity.PrincipalType;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The caller's own bucket: {@code key:<id>} for an API key, {@code user:<tenant>:<id>} for a user (a user has a
 * bucket per tenant), {@code addr:<ip>} for an anonymous request. Never the credential itself.
 */
public final class RateLimitKeyResolver implements KeyResolver {

    private final ClientAddresses addresses;

    public RateLimitKeyResolver(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return Mono.just(keyOf(exchange));
    }

    public String keyOf(ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        if (caller == null) {
            return "addr:" + addresses.clientAddress(exchange);
        }
        return keyOf(caller);
    }

    /** The bucket key of an authenticated caller. */
    public String keyOf(Caller caller) {
        return caller.type() == PrincipalType.API_KEY ? "key:" + caller.principalId()
                : "user:" + caller.tenantId() + ":" + caller.principalId();
    }
}
