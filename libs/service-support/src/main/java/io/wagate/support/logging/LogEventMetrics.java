package io.wagate.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;

/**
 * Counts log events by level as {@code logback.events} (the meter Micrometer's Logback binder publishes, so the name
 * and tags are the usual ones), from an appender on the root logger instead of a turbo filter.
 *
 * <p>Why not Micrometer's binder: Logback consults turbo filters on every level check, so its filter ran for each of
 * the dozens of {@code isDebugEnabled()} calls the frameworks make per request, logged or not; in the gateway that was
 * 2.4 % of all CPU in the platform benchmark's profile. An appender sees only the events that are written. What it
 * cannot see are events of a logger that does not pass them to the root logger (additivity off), which the platform's
 * logging does not use.
 */
public final class LogEventMetrics implements MeterBinder, AutoCloseable {

    static final String APPENDER_NAME = "wagate-log-event-metrics";

    private final @Nullable LoggerContext context;
    private @Nullable CountingAppender appender;

    /** Counts the events of this logging system; nothing unless it is Logback. */
    public LogEventMetrics(ILoggerFactory logging) {
        this.context = logging instanceof LoggerContext logback ? logback : null;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (context == null) {
            return;
        }
        CountingAppender counting = new CountingAppender(counter(registry, "error"), counter(registry, "warn"),
                counter(registry, "info"), counter(registry, "debug"), counter(registry, "trace"));
        counting.setContext(context);
        counting.setName(APPENDER_NAME);
        counting.start();
        root().addAppender(counting);
        close();
        appender = counting;
    }

    /** Stops counting (the application context closes; the logging context may outlive it). */
    @Override
    public synchronized void close() {
        if (appender != null) {
            root().detachAppender(appender);
            appender.stop();
            appender = null;
        }
    }

    private Logger root() {
        return Objects.requireNonNull(context).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static Counter counter(MeterRegistry registry, String level) {
        return Counter.builder("logback.events").tag("level", level)
                .description("Number of log events that were enabled by the effective log level")
                .baseUnit("events")
                .register(registry);
    }

    private static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final Counter error;
        private final Counter warn;
        private final Counter info;
        private final Counter debug;
        private final Counter trace;

        CountingAppender(Counter error, Counter warn, Counter info, Counter debug, Counter trace) {
            this.error = error;
            this.warn = warn;
            this.info = info;
            this.debug = debug;
            this.trace = trace;
        }

        @Override
        protected void append(ILoggingEvent event) {
            switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> error.increment();
                case Level.WARN_INT -> warn.increment();
                case Level.INFO_INT -> info.increment();
                case Level.DEBUG_INT -> debug.increment();
                default -> trace.increment();
            }
        }
    }
}
