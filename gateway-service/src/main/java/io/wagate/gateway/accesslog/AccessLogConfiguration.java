package io.wagate.gateway.accesslog;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.support.web.ProblemWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    @Bean
    AccessLogWebFilter accessLogWebFilter(ProblemWebExceptionHandler problems, MeterRegistry meters,
            ApplicationContext context) {
        return new AccessLogWebFilter(problems, meters, context);
    }
}
