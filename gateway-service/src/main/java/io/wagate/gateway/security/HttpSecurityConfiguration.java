package io.wagate.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

    @Bean
    ClientAddresses clientAddresses(HttpSecurityProperties properties) {
        return new ClientAddresses(properties.trustedProxyHops());
    }

    @Bean
    ClientAddressHeaders clientAddressHeaders(ClientAddresses addresses) {
        return new ClientAddressHeaders(addresses);
    }

    @Bean
    SecurityHeadersWebFilter securityHeadersWebFilter(HttpSecurityProperties properties, ClientAddresses addresses) {
        return new SecurityHeadersWebFilter(properties, addresses);
    }

    @Bean
    CorsPreflightWebFilter corsPreflightWebFilter(HttpSecurityProperties properties) {
        return new CorsPreflightWebFilter(properties);
    }

    @Bean
    RequestSizeLimitWebFilter requestSizeLimitWebFilter(HttpSecurityProperties properties) {
        return new RequestSizeLimitWebFilter(properties);
    }
}
