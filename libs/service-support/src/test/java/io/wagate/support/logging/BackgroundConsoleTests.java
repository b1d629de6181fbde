package io.wagate.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundConsoleTests {

    private final LoggerContext logging = new LoggerContext();
    private final Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);

    BackgroundConsoleTests() {
        logging.setMDCAdapter(new LogbackMDCAdapter());
        logging.start();
    }

    @Test
    void everyEventReachesTheConsoleInEachThreadsOrderAndTheConsoleIsBackAfterClose() throws InterruptedException {
        ListAppender<ILoggingEvent> console = console(new ListAppender<>());
        BackgroundConsole background = new BackgroundConsole(logging, 100_000, Duration.ofMillis(5));
        background.install();
        assertThat(root.getAppender(BackgroundConsole.CONSOLE)).isNull();
        assertThat(root.getAppender(BackgroundConsole.NAME)).isNotNull();

        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().name("logger-" + t).start(() -> {
                for (int i = 0; i < 2_500; i++) {
                    logging.getLogger("test").info("{} {}", thread, i);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        background.close();

        assertThat(console.list).hasSize(10_000);
        for (int t = 0; t < 4; t++) {
            String prefix = t + " ";
            List<Integer> order = console.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.startsWith(prefix))
                    .map(message -> Integer.parseInt(message.substring(prefix.length()))).toList();
            assertThat(order).hasSize(2_500).isSorted();
        }
        assertThat(root.getAppender(BackgroundConsole.CONSOLE)).isSameAs(console);
        assertThat(root.getAppender(BackgroundConsole.NAME)).isNull();
        assertThat(background.dropped()).isZero();
    }

    @Test
    void aStuckConsoleNeverHoldsUpTheLoggingThreadAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        console(new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                try {
                    stuck.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (written) {
                    written.add(event.getFormattedMessage());
                }
            }
        });
        BackgroundConsole background = new BackgroundConsole(logging, 5, Duration.ofMillis(5));
        background.install();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        background.bindTo(meters);

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            logging.getLogger("test").info("line {}", i);
        }
        long loggingMillis = (System.nanoTime() - start) / 1_000_000;
        stuck.countDown();
        background.close();

        assertThat(loggingMillis).isLessThan(5_000);
        // At most one event in the writer's hands and five queued; the rest dropped, and counted.
        assertThat(background.dropped()).isBetween(14L, 15L);
        assertThat(written).hasSize((int) (20 - background.dropped())).startsWith("line 0");
        assertThat(meters.get("wagate.logging.events.dropped").functionCounter().count())
                .isEqualTo((double) background.dropped());
    }

    @Test
    void whatAnEventTakesFromItsThreadIsTakenWhenItIsLogged() {
        ListAppender<ILoggingEvent> console = console(new ListAppender<>());
        BackgroundConsole background = new BackgroundConsole(logging, 100, Duration.ofMillis(5));
        background.install();
        logging.getMDCAdapter().put("requestId", "req-1");
        try {
            logging.getLogger("test").info("with a request id");
        } finally {
            logging.getMDCAdapter().remove("requestId");
        }
        background.close();

        assertThat(console.list).singleElement().satisfies(event -> {
            assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "req-1");
            assertThat(event.getThreadName()).isEqualTo(Thread.currentThread().getName());
        });
    }

    @Test
    void aConsoleWithAnEncoderGetsItsLinesInBatchesInItsOwnFormat() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        console.setEncoder(encoder);
        console.setOutputStream(new FilterOutputStream(output) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writes.incrementAndGet();
                out.write(bytes, offset, length);
            }
        });
        console(console);
        BackgroundConsole background = new BackgroundConsole(logging, 10_000, Duration.ofMillis(50));
        background.install();

        for (int i = 0; i < 1_000; i++) {
            logging.getLogger("test").warn("line {}", i);
        }
        background.close();

        List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1_000).startsWith("WARN line 0", "WARN line 1").endsWith("WARN line 999");
        // One write per round of the writer, not one per line.
        assertThat(writes.get()).isPositive().isLessThan(100);
    }

    @Test
    void withoutAConsoleAppenderNothingIsInstalled() {
        BackgroundConsole background = new BackgroundConsole(logging, 100, Duration.ofMillis(5));
        background.install();

        assertThat(root.getAppender(BackgroundConsole.NAME)).isNull();
        background.close();
    }

    private <A extends ch.qos.logback.core.Appender<ILoggingEvent>> A console(A appender) {
        appender.setContext(logging);
        appender.setName(BackgroundConsole.CONSOLE);
        appender.start();
        root.addAppender(appender);
        return appender;
    }
}
