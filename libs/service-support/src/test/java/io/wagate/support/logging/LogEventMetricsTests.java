package io.wagate.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLoggerFactory;

class LogEventMetricsTests {

    private final LoggerContext logging = new LoggerContext();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsTheEventsThatAreWrittenByLevel() {
        Logger logger = logging.getLogger("io.wagate.test");
        logger.setLevel(Level.INFO);
        try (LogEventMetrics metrics = new LogEventMetrics(logging)) {
            metrics.bindTo(registry);
            logger.error("one");
            logger.warn("two");
            logger.warn("three");
            logger.info("four");
            logger.debug("below the logger's level: not written, not counted");
            assertThat(count("error")).isEqualTo(1);
            assertThat(count("warn")).isEqualTo(2);
            assertThat(count("info")).isEqualTo(1);
            assertThat(count("debug")).isZero();
            assertThat(count("trace")).isZero();
        }
        logger.warn("after close");
        assertThat(count("warn")).as("no longer counted").isEqualTo(2);
        assertThat(logging.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LogEventMetrics.APPENDER_NAME)).isNull();
    }

    @Test
    void bindingAgainLeavesOneCountingAppender() {
        Logger logger = logging.getLogger("io.wagate.test");
        try (LogEventMetrics metrics = new LogEventMetrics(logging)) {
            metrics.bindTo(registry);
            metrics.bindTo(registry);
            logger.error("counted once");
            assertThat(count("error")).isEqualTo(1);
        }
    }

    @Test
    void anotherLoggingSystemIsLeftAlone() {
        try (LogEventMetrics metrics = new LogEventMetrics(new NOPLoggerFactory())) {
            metrics.bindTo(registry);
        }
        assertThat(registry.find("logback.events").counters()).isEmpty();
    }

    private double count(String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }
}
