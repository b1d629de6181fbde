package io.wagate.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.support.logging.BackgroundConsole;
import io.wagate.support.logging.LogEventMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WagateLogMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withConfiguration(AutoConfigurations.of(WagateLogMetricsAutoConfiguration.class));

    @Test
    void countsLogEventsWithItsOwnBinderWhenBootsIsExcluded() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(LogEventMetrics.class);
            assertThat(context).doesNotHaveBean(LogbackMetrics.class);
        });
    }

    @Test
    void writesTheConsoleInTheBackgroundUnlessSwitchedOff() {
        contexts.run(context -> assertThat(context).hasSingleBean(BackgroundConsole.class));
        contexts.withPropertyValues("wagate.logging.background-console=false")
                .run(context -> assertThat(context).doesNotHaveBean(BackgroundConsole.class));
    }

    @Test
    void staysOutWhenBootsBinderIsBackSoThatNoEventCountsTwice() throws ClassNotFoundException {
        contexts.withConfiguration(AutoConfigurations.of(
                        Class.forName(WagateLogMetricsAutoConfiguration.BOOT_LOGBACK_METRICS)))
                .run(context -> {
                    assertThat(context).hasSingleBean(LogbackMetrics.class);
                    assertThat(context).doesNotHaveBean(LogEventMetrics.class);
                });
    }
}
