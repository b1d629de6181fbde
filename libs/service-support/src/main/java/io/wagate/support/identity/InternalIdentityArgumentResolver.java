package io.wagate.support.identity;

import io.wagate.support.web.ApiProblem;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Resolves controller parameters of type {@link InternalIdentity}. */
public final class InternalIdentityArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == InternalIdentity.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        InternalIdentity identity = InternalIdentityWebFilter.of(exchange);
        return identity != null ? Mono.just(identity)
                : Mono.error(ApiProblem.unauthorized("The request did not come through the gateway"));
    }
}
