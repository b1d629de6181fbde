package io.wagate.gateway.authentication;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.gateway.apikey.ApiKeyVerification;
import io.wagate.gateway.authentication.internal.JwksKeys;
import io.wagate.gateway.authentication.internal.PublicEndpoints;
import io.wagate.gateway.authentication.internal.UserTokenVerifier;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class AuthenticationConfiguration {

    @Bean
    JwksKeys jwksKeys(WebClient authService, AuthenticationProperties properties, MeterRegistry meters) {
        return new JwksKeys(authService, properties.jwksPath(),
                properties.jwksMaxAge(), properties.jwksMinRefetchInterval(), properties.jwksFetchTimeout(),
                Clock.systemUTC(), meters);
    }

    @Bean
    AuthenticationGlobalFilter authenticationGlobalFilter(JwksKeys keys, AuthenticationProperties properties,
            ApiKeyVerification apiKeys, ObjectProvider<CallerAhead> ahead, MeterRegistry meters) {
        return new AuthenticationGlobalFilter(
                new UserTokenVerifier(keys, properties.issuer(), properties.clockSkew(), Clock.systemUTC()),
                apiKeys, new PublicEndpoints(properties.publicEndpoints()),
                ahead.getIfAvailable(() -> CallerAhead.NONE), meters);
    }
}
