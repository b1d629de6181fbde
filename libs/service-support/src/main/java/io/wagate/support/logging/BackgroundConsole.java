package io.wagate.support.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;

/**
 * Writes the console log on a thread of its own, so that no thread that logs ever waits for the output.
 *
 * <p>Spring Boot's console appender writes each line with a system call on the logging thread, under a lock every
 * thread shares. A file or a pipe usually takes the line at once, but not always: in the platform benchmark single
 * writes of access-log lines to the log file took up to 15 ms on the gateway's event loops (and up to 75 ms on the
 * writer thread that took them over; system calls traced), and every request of every event loop waited meanwhile.
 * Here the logging thread only queues the event; the writer thread encodes the queued events with the console
 * appender's own encoder (so the format is Boot's) and writes them to its stream in one write per round rather than
 * one per line. The writer wakes when the first event
 * after a quiet spell arrives and then at most every {@code linger} while events keep coming, not once per event.
 * A console appender without an encoder gets the events one by one.
 *
 * <p>Bounded: when {@code capacity} events wait, further ones are dropped and counted
 * ({@code wagate.logging.events.dropped}) rather than making the logging thread wait. On shutdown the writer writes
 * what is queued before the console appender goes back in place.
 */
public final class BackgroundConsole implements MeterBinder, AutoCloseable {

    /** The name Spring Boot gives its console appender on the root logger. */
    static final String CONSOLE = "CONSOLE";
    static final String NAME = "wagate-background-console";

    private final @Nullable LoggerContext context;
    private final int capacity;
    private final Duration linger;
    private final LongAdder dropped = new LongAdder();
    private @Nullable Appender<ILoggingEvent> console;
    private @Nullable BackgroundAppender background;

    /**
     * @param logging the logging system; nothing happens unless it is Logback
     * @param capacity how many events may wait for the writer before new ones are dropped
     * @param linger how long the writer waits for more events after writing some
     */
    public BackgroundConsole(ILoggerFactory logging, int capacity, Duration linger) {
        this.context = logging instanceof LoggerContext logback ? logback : null;
        this.capacity = capacity;
        this.linger = linger;
    }

    /** Puts the background writer in place of the root logger's console appender, if there is one. */
    public synchronized void install() {
        if (context == null || background != null) {
            return;
        }
        Appender<ILoggingEvent> found = root().getAppender(CONSOLE);
        if (found == null) {
            return;
        }
        BackgroundAppender writer = new BackgroundAppender(found, capacity, linger.toNanos(), dropped);
        writer.setContext(context);
        writer.setName(NAME);
        writer.start();
        // Added before the console is taken off: an event logged in between is written twice rather than lost.
        root().addAppender(writer);
        root().detachAppender(found);
        console = found;
        background = writer;
    }

    /** Events dropped so far because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("wagate.logging.events.dropped", this, BackgroundConsole::dropped)
                .description("Log events dropped because the console could not take them as fast as they came")
                .baseUnit("events")
                .register(registry);
    }

    /** Writes what is queued and puts the console appender back. */
    @Override
    public synchronized void close() {
        if (background == null || console == null) {
            return;
        }
        root().addAppender(console);
        root().detachAppender(background);
        background.stop();
        background = null;
        console = null;
    }

    private Logger root() {
        return Objects.requireNonNull(context).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static final class BackgroundAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private static final int MAX_BATCH_BYTES = 64 * 1024;

        private final Appender<ILoggingEvent> target;
        /** The console as a stream with an encoder, when it is one: a round's lines are encoded and written at once. */
        private final @Nullable OutputStreamAppender<ILoggingEvent> stream;
        private final ByteArrayOutputStream batch = new ByteArrayOutputStream(MAX_BATCH_BYTES);
        private final int capacity;
        private final long lingerNanos;
        private final ConcurrentLinkedQueue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final LongAdder dropped;
        /** Set by the writer before it parks with nothing to write; a logging thread that sees it wakes the writer. */
        private volatile boolean idle;
        private volatile boolean running;
        private @Nullable Thread writer;

        BackgroundAppender(Appender<ILoggingEvent> target, int capacity, long lingerNanos, LongAdder dropped) {
            this.target = target;
            this.stream = target instanceof OutputStreamAppender<ILoggingEvent> appender
                    && appender.getEncoder() != null ? appender : null;
            this.capacity = capacity;
            this.lingerNanos = lingerNanos;
            this.dropped = dropped;
        }

        @Override
        public void start() {
            running = true;
            writer = Thread.ofPlatform().daemon().name("log-writer").start(this::writeUntilStopped);
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (queued.incrementAndGet() > capacity) {
                queued.decrementAndGet();
                dropped.increment();
                return;
            }
            // The writer formats the event later, on its own thread: what the event takes from this thread (the
            // formatted message, the thread's name, the MDC) is taken now.
            event.prepareForDeferredProcessing();
            queue.offer(event);
            if (idle) {
                LockSupport.unpark(writer);
            }
        }

        private void writeUntilStopped() {
            while (running) {
                if (writeQueued() > 0) {
                    LockSupport.parkNanos(this, lingerNanos);
                    continue;
                }
                idle = true;
                // Checked after idle is set: an event queued before this check is seen here, one queued after it
                // sees idle and wakes the writer.
                if (queue.isEmpty() && running) {
                    LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
                }
                idle = false;
            }
        }

        private int writeQueued() {
            int written = 0;
            ILoggingEvent event;
            while ((event = queue.poll()) != null) {
                queued.decrementAndGet();
                try {
                    if (stream != null) {
                        batch.writeBytes(stream.getEncoder().encode(event));
                        if (batch.size() >= MAX_BATCH_BYTES) {
                            writeBatch();
                        }
                    } else {
                        target.doAppend(event);
                    }
                } catch (RuntimeException e) {
                    addError("Could not write a log event", e);
                }
                written++;
            }
            writeBatch();
            return written;
        }

        /** The lines encoded since the last write, in one write to the console's stream. */
        private void writeBatch() {
            if (batch.size() == 0 || stream == null) {
                return;
            }
            try {
                OutputStream out = stream.getOutputStream();
                batch.writeTo(out);
                out.flush();
            } catch (IOException | RuntimeException e) {
                addError("Could not write log events", e);
            } finally {
                batch.reset();
            }
        }

        @Override
        public void stop() {
            if (!running) {
                return;
            }
            running = false;
            Thread thread = writer;
            if (thread != null) {
                LockSupport.unpark(thread);
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // Whatever came after the writer's last round.
            writeQueued();
            super.stop();
        }
    }
}
