package io.wagate.support.config;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.support.logging.LogEventMetrics;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Log events by level ({@code logback.events}) counted by {@link LogEventMetrics}, in place of Spring Boot's Logback
 * metrics, which the platform's defaults exclude ({@link WagateEnvironmentPostProcessor}).
 */
@AutoConfiguration
@ConditionalOnClass({LoggerContext.class, MeterRegistry.class})
public class WagateLogMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LogEventMetrics logEventMetrics() {
        return new LogEventMetrics(LoggerFactory.getILoggerFactory());
    }
}
