package io.wagate.support.config;

import io.wagate.support.identity.IdentityProperties;
import io.wagate.support.identity.InternalIdentityArgumentResolver;
import io.wagate.support.identity.InternalIdentityWebFilter;
import io.wagate.support.identity.InternalTokenVerifier;
import io.wagate.support.identity.InternalTokens;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service but the gateway verifies the gateway's internal identity token on its API. A service without the
 * gateway's public key refuses to start: running unprotected by accident is worse than not running.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(IdentityProperties.class)
@ConditionalOnProperty(name = "wagate.identity.verify", havingValue = "true", matchIfMissing = true)
public class WagateIdentityAutoConfiguration {

    @Bean
    InternalTokenVerifier internalTokenVerifier(IdentityProperties properties) {
        if (properties.publicKey() == null || properties.publicKey().isBlank()) {
            throw new IllegalStateException("wagate.identity.public-key (WAGATE_IDENTITY_PUBLIC_KEY) is not set: this "
                    + "service needs the gateway's public key to accept requests");
        }
        InternalTokenVerifier verifier = new InternalTokenVerifier(InternalTokens.publicKey(properties.publicKey()),
                Clock.systemUTC());
        verifier.warmUp(properties.warmUpRounds());
        return verifier;
    }

    @Bean
    InternalIdentityWebFilter internalIdentityWebFilter(InternalTokenVerifier verifier, IdentityProperties properties) {
        return new InternalIdentityWebFilter(verifier, properties.protectedPaths(), properties.publicPaths());
    }

    @Bean
    WebFluxConfigurer internalIdentityArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new InternalIdentityArgumentResolver());
            }
        };
    }
}
