package io.wagate.support.config;

import io.micrometer.context.ContextRegistry;
import io.wagate.support.logging.RequestIdMdcAccessor;
import io.wagate.support.web.ProblemDetailsAdvice;
import io.wagate.support.web.ProblemMapper;
import io.wagate.support.web.ProblemWebExceptionHandler;
import io.wagate.support.web.RequestIdWebFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** Request ids, MDC propagation and problem+json for every reactive WaGate service. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(ProblemDetailsAdvice.class)
public class WagateWebAutoConfiguration {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdMdcAccessor());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter(true);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemMapper problemMapper() {
        return new ProblemMapper();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemMapper mapper, JsonMapper json) {
        return new ProblemWebExceptionHandler(mapper, json);
    }
}
