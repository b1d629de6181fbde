package io.wagate.support.config;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.support.logging.BackgroundConsole;
import io.wagate.support.logging.LogEventMetrics;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The console log written off the logging threads ({@link BackgroundConsole}), and log events by level
 * ({@code logback.events}) counted by {@link LogEventMetrics}, in place of Spring Boot's Logback metrics, which the
 * platform's defaults exclude ({@link WagateEnvironmentPostProcessor}). Where a service's own
 * {@code spring.autoconfigure.exclude} replaces that default, Boot's binder is back; this one then stays out, so that
 * no event is counted twice.
 */
@AutoConfiguration(afterName = WagateLogMetricsAutoConfiguration.BOOT_LOGBACK_METRICS)
@ConditionalOnClass({LoggerContext.class, MeterRegistry.class})
public class WagateLogMetricsAutoConfiguration {

    static final String BOOT_LOGBACK_METRICS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";

    /**
     * The console written on a thread of its own ({@link BackgroundConsole}); {@code
     * wagate.logging.background-console=false} leaves Spring Boot's console appender writing on the logging threads.
     */
    @Bean(initMethod = "install", destroyMethod = "close")
    @ConditionalOnProperty(name = "wagate.logging.background-console", havingValue = "true", matchIfMissing = true)
    BackgroundConsole backgroundConsole() {
        return new BackgroundConsole(LoggerFactory.getILoggerFactory(), 8_192, Duration.ofMillis(10));
    }

    @Bean
    @ConditionalOnMissingBean(value = LogEventMetrics.class,
            type = "io.micrometer.core.instrument.binder.logging.LogbackMetrics")
    LogEventMetrics logEventMetrics() {
        return new LogEventMetrics(LoggerFactory.getILoggerFactory());
    }
}
