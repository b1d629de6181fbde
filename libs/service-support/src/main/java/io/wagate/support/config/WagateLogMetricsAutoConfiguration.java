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
 * metrics, which the platform's defaults exclude ({@link WagateEnvironmentPostProcessor}). Where a service's own
 * {@code spring.autoconfigure.exclude} replaces that default, Boot's binder is back; this one then stays out, so that
 * no event is counted twice.
 */
@AutoConfiguration(afterName = WagateLogMetricsAutoConfiguration.BOOT_LOGBACK_METRICS)
@ConditionalOnClass({LoggerContext.class, MeterRegistry.class})
public class WagateLogMetricsAutoConfiguration {

    static final String BOOT_LOGBACK_METRICS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";

    @Bean
    @ConditionalOnMissingBean(value = LogEventMetrics.class,
            type = "io.micrometer.core.instrument.binder.logging.LogbackMetrics")
    LogEventMetrics logEventMetrics() {
        return new LogEventMetrics(LoggerFactory.getILoggerFactory());
    }
}
