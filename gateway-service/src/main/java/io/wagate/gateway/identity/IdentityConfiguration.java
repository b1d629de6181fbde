package io.wagate.gateway.identity;

import io.wagate.gateway.plan.PlanProperties;
import io.wagate.support.identity.IdentityProperties;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokens;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway is the one holder of the internal identity's private key. Without it the gateway refuses to start:
 * it could not forward a single authenticated request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    @Bean
    InternalTokenIssuer internalTokenIssuer(IdentityProperties properties) {
        String key = properties.privateKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("wagate.identity.private-key (WAGATE_IDENTITY_PRIVATE_KEY) is not set: the "
                    + "gateway signs the internal identity of every request with it");
        }
        return new InternalTokenIssuer(InternalTokens.privateKey(key), properties.tokenTtl(), Clock.systemUTC());
    }

    @Bean
    InternalIdentityHeaders internalIdentityHeaders(InternalTokenIssuer issuer, IdentityProperties properties,
            PlanProperties plans) {
        return new InternalIdentityHeaders(issuer, properties.tokenTtl(), plans, properties.warmUpRounds());
    }
}
