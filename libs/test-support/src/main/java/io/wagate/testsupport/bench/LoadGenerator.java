package io.wagate.testsupport.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HTTP load for benchmarks: a closed loop (a fixed number of requests in flight: the maximum rate) and an open loop
 * (a fixed send rate whatever the answers do, latency counted from when a request was due, so a slow phase is not
 * hidden by sending less). Only 200 answers count as successes.
 *
 * <p>The generator shares the machine with what it measures, so it is kept lean: every connection, send and answer
 * lives on one Netty event loop (epoll where available), keep-alive connections are reused, and nothing hands a
 * request from thread to thread. It costs a few tens of microseconds of CPU per request, where the JDK client on
 * virtual threads cost 0.2-0.6 ms; what it does not spend, the measured services get.
 */
public final class LoadGenerator implements AutoCloseable {

    /** A request not answered in this time counts as an error and its connection is closed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * One measurement.
     *
     * @param cpuMicrosPerRequest CPU time of the measured processes (see the constructor) per successful request
     * @param samples every successful request's due time and latency, in the order they were answered
     * @param errorStatuses the errors by answer status; {@code -1} for no answer (connection failed, closed or
     *     timed out)
     */
    public record Result(double throughput, long requests, double p50Millis, double p99Millis, double p999Millis,
            double cpuMicrosPerRequest, Samples samples, Map<Integer, Long> errorStatuses) {

        /** Requests that got no 200 answer. */
        public long errors() {
            return errorStatuses.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Per-request timings, to line a slow request up with what else happened on the machine at that moment.
     *
     * @param dueNanos when each request was due to be sent, in {@link System#nanoTime()}
     * @param latencyNanos how long each took from then until its answer
     */
    public record Samples(long[] dueNanos, long[] latencyNanos) {

        /**
         * A percentile of the latencies, in milliseconds, of the requests whose due time passes {@code due}; NaN when
         * none does.
         */
        public double percentileMillis(double p, LongPredicate due) {
            return percentile(IntStream.range(0, dueNanos.length).filter(i -> due.test(dueNanos[i]))
                    .mapToLong(i -> latencyNanos[i]).sorted().toArray(), p);
        }

        /** How many requests' due times pass {@code due}. */
        public long count(LongPredicate due) {
            return Arrays.stream(dueNanos).filter(due).count();
        }

        /** CSV lines {@code label,due epoch millis,latency millis}. */
        public void appendCsv(String label, StringBuilder out) {
            long epochOffsetNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
            for (int i = 0; i < dueNanos.length; i++) {
                out.append(label).append(',').append((dueNanos[i] + epochOffsetNanos) / 1_000_000).append(',')
                        .append("%.3f".formatted(latencyNanos[i] / 1e6)).append('\n');
            }
        }
    }

    private final LongSupplier cpuNanos;
    private final long timeoutNanos;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    /** Idle keep-alive connections per server; touched on the event loop only. */
    private final Map<InetSocketAddress, ArrayDeque<Channel>> idle = new HashMap<>();
    /** Requests sent and not yet answered or failed. */
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Told, on a thread of its own, whenever a request goes unanswered for the whole timeout. */
    private volatile Runnable unanswered = () -> { };
    /** One listener run at a time, however many requests time out together. */
    private final AtomicBoolean reportingUnanswered = new AtomicBoolean();

    /**
     * @param cpuNanos the CPU time, in nanoseconds, of whatever processes the measurement should be charged with;
     *     requests not answered in 10 s count as errors
     */
    public LoadGenerator(LongSupplier cpuNanos) {
        this(cpuNanos, TIMEOUT);
    }

    /**
     * @param cpuNanos the CPU time, in nanoseconds, of whatever processes the measurement should be charged with
     * @param timeout a request not answered in this time counts as an error and its connection is closed
     */
    public LoadGenerator(LongSupplier cpuNanos, Duration timeout) {
        this.cpuNanos = cpuNanos;
        this.timeoutNanos = timeout.toNanos();
        boolean epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load-generator", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.loop = group.next();
        this.bootstrap = new Bootstrap().group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Exchange());
                    }
                });
    }

    /**
     * Runs {@code listener} on a thread of its own when a request gets no answer within the timeout, while the
     * request is still pending: the moment to look at what the measured processes are doing. Requests that time out
     * while the listener runs do not start it again.
     */
    public void whenUnanswered(Runnable listener) {
        this.unanswered = listener;
    }

    /** {@code concurrency} requests in flight all the time. */
    public Result closedLoop(LoadRequest request, int concurrency, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        Recorder recorder = new Recorder((int) Math.min(20_000_000, duration.toSeconds() * 200_000), cpuNanos);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger users = new AtomicInteger(concurrency);
        loop.execute(() -> {
            for (int i = 0; i < concurrency; i++) {
                user(request, recorder, end, () -> {
                    if (users.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                });
            }
        });
        await(done);
        return recorder.result();
    }

    /** One of the closed loop's users: sends, waits for the answer, sends again until {@code end}. */
    private void user(LoadRequest request, Recorder recorder, long end, Runnable finished) {
        long sent = System.nanoTime();
        if (sent >= end) {
            finished.run();
            return;
        }
        send(request, status -> {
            recorder.record(sent, status);
            if (status == 200) {
                user(request, recorder, end, finished);
            } else {
                // A refusing or absent server would otherwise be asked again at once, forever.
                loop.schedule(() -> user(request, recorder, end, finished), 10, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Requests sent at {@code rate} per second; latency counts from each request's intended send time. */
    public Result openLoop(LoadRequest request, double rate, Duration duration) throws InterruptedException {
        long total = (long) (rate * duration.toSeconds());
        Recorder recorder = new Recorder((int) total + 1, cpuNanos);
        await(pace(request, recorder, total, (long) (1_000_000_000 / rate)).allSent);
        awaitAnswers();
        return recorder.result();
    }

    /**
     * Two requests, each at {@code rate} per second, in alternating slices of {@code slice} for {@code duration}
     * each in total: the background work of the machine (collections, compilations, other processes' timers) then
     * falls on both alike instead of on whichever ran when it happened, so their difference is measured with far
     * less noise than in two consecutive windows. Latency counts from each request's intended send time; CPU is
     * charged to the path whose slice it was.
     */
    public Result[] openLoopAlternating(LoadRequest first, LoadRequest second, double rate, Duration duration,
            Duration slice) throws InterruptedException {
        long slices = Math.max(1, duration.toNanos() / slice.toNanos());
        long perSlice = Math.max(1, (long) (rate * slice.toNanos() / 1e9));
        long intervalNanos = (long) (1_000_000_000 / rate);
        Recorder[] recorders = {new Recorder((int) (slices * perSlice) + 1, () -> 0),
                new Recorder((int) (slices * perSlice) + 1, () -> 0)};
        List<LoadRequest> requests = List.of(first, second);
        for (long round = 0; round < 2 * slices; round++) {
            int path = (int) (round % 2);
            long cpuAtStart = cpuNanos.getAsLong();
            Pacer pacer = pace(requests.get(path), recorders[path], perSlice, intervalNanos);
            long rest = pacer.start + perSlice * intervalNanos - System.nanoTime();
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
            await(pacer.allSent);
            recorders[path].addActive(System.nanoTime() - pacer.start, cpuNanos.getAsLong() - cpuAtStart);
        }
        awaitAnswers();
        return new Result[] {recorders[0].result(), recorders[1].result()};
    }

    /**
     * Sends {@code count} requests on the event loop, one every {@code intervalNanos} from now, each recorded from
     * its intended send time (a late sender does not hide the wait it caused); returns at once.
     */
    private Pacer pace(LoadRequest request, Recorder recorder, long count, long intervalNanos) {
        Pacer pacer = new Pacer(request, recorder, System.nanoTime(), count, intervalNanos);
        loop.execute(pacer);
        return pacer;
    }

    private final class Pacer implements Runnable {
        private final LoadRequest request;
        private final Recorder recorder;
        private final long start;
        private final long count;
        private final long intervalNanos;
        /** Completed when the last request has been sent. */
        private final CompletableFuture<Void> allSent = new CompletableFuture<>();
        private long next;

        Pacer(LoadRequest request, Recorder recorder, long start, long count, long intervalNanos) {
            this.request = request;
            this.recorder = recorder;
            this.start = start;
            this.count = count;
            this.intervalNanos = intervalNanos;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            while (next < count && start + next * intervalNanos <= now) {
                long due = start + next * intervalNanos;
                send(request, status -> recorder.record(due, status));
                next++;
            }
            if (next < count) {
                loop.schedule(this, start + next * intervalNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            } else {
                allSent.complete(null);
            }
        }
    }

    /** On the event loop: the request on an idle connection to its server, or on a new one. */
    private void send(LoadRequest request, IntConsumer onAnswer) {
        outstanding.incrementAndGet();
        IntConsumer answered = status -> {
            outstanding.decrementAndGet();
            onAnswer.accept(status);
        };
        FullHttpRequest message;
        try {
            message = message(request);
        } catch (RuntimeException e) {
            answered.accept(-1);
            return;
        }
        InetSocketAddress server = InetSocketAddress.createUnresolved(request.uri().getHost(), request.uri().getPort());
        ArrayDeque<Channel> channels = idle.computeIfAbsent(server, key -> new ArrayDeque<>());
        Channel channel;
        while ((channel = channels.pollFirst()) != null && !channel.isActive()) {
            // closed by the server while idle
        }
        if (channel != null) {
            exchange(channel, message, answered, channels);
            return;
        }
        bootstrap.connect(request.uri().getHost(), request.uri().getPort()).addListener(connected -> {
            Channel opened = ((ChannelFuture) connected).channel();
            if (connected.isSuccess()) {
                exchange(opened, message, answered, channels);
            } else {
                message.release();
                answered.accept(-1);
            }
        });
    }

    private void exchange(Channel channel, FullHttpRequest message, IntConsumer answered, ArrayDeque<Channel> pool) {
        Exchange exchange = channel.pipeline().get(Exchange.class);
        exchange.begin(answered, pool);
        channel.writeAndFlush(message).addListener(written -> {
            if (!written.isSuccess()) {
                exchange.fail();
            }
        });
    }

    private static FullHttpRequest message(LoadRequest request) {
        FullHttpRequest message = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                request.pathAndQuery());
        message.headers().set(HttpHeaderNames.HOST, request.hostHeader());
        request.headers().get().forEach(message.headers()::set);
        return message;
    }

    /** One request at a time on one connection: its answer's status, then the connection back to the idle ones. */
    private final class Exchange extends SimpleChannelInboundHandler<HttpObject> {
        private IntConsumer answered;
        private ArrayDeque<Channel> pool;
        private int status;
        private boolean keepAlive;
        private Future<?> timeout;
        private ChannelHandlerContext context;

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            this.context = context;
        }

        void begin(IntConsumer answered, ArrayDeque<Channel> pool) {
            this.answered = answered;
            this.pool = pool;
            this.status = -1;
            this.timeout = context.executor().schedule(this::timedOut, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        private void timedOut() {
            if (answered != null && reportingUnanswered.compareAndSet(false, true)) {
                Runnable listener = unanswered;
                Thread.ofPlatform().daemon().name("load-generator-unanswered").start(() -> {
                    try {
                        listener.run();
                    } finally {
                        reportingUnanswered.set(false);
                    }
                });
            }
            fail();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (message instanceof LastHttpContent && answered != null) {
                IntConsumer done = finish();
                if (keepAlive) {
                    pool.addFirst(context.channel());
                } else {
                    context.close();
                }
                done.accept(status);
            }
        }

        /** The request in flight failed: answered as an error, the connection closed. */
        void fail() {
            if (answered != null) {
                IntConsumer done = finish();
                context.close();
                done.accept(-1);
            }
        }

        private IntConsumer finish() {
            IntConsumer done = answered;
            answered = null;
            timeout.cancel(false);
            return done;
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            fail();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            fail();
            context.close();
        }
    }

    private static void await(CompletableFuture<Void> done) throws InterruptedException {
        try {
            done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until every request sent has been answered or has timed out. */
    private void awaitAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + 2 * timeoutNanos;
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The percentile of sorted nanosecond latencies, in milliseconds; NaN for none. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** CPU time of this JVM, in nanoseconds. */
    public static long thisProcessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of other processes (for example the services of a local run), in nanoseconds. */
    public static long cpuNanosOf(List<ProcessHandle> processes) {
        return processes.stream()
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Other processes on the machine skew a benchmark; reports say how busy it was. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static final class Recorder {
        private final AtomicLongArray latencies;
        /** When each recorded request was due to be sent (nanoTime), for {@link Result#samples()}. */
        private final AtomicLongArray sentAt;
        private final AtomicInteger count = new AtomicInteger();
        private final Map<Integer, AtomicLong> errorStatuses = new ConcurrentHashMap<>();
        private final LongSupplier cpuNanos;
        private final long startNanos = System.nanoTime();
        private final long cpuAtStart;
        /** Set when the recorder was active in slices only: their total time and CPU. */
        private long activeNanos = -1;
        private long activeCpuNanos;

        Recorder(int capacity, LongSupplier cpuNanos) {
            this.latencies = new AtomicLongArray(capacity);
            this.sentAt = new AtomicLongArray(capacity);
            this.cpuNanos = cpuNanos;
            this.cpuAtStart = cpuNanos.getAsLong();
        }

        void record(long sentNanos, int status) {
            if (status != 200) {
                errorStatuses.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
                return;
            }
            int index = count.getAndIncrement();
            if (index < latencies.length()) {
                latencies.set(index, System.nanoTime() - sentNanos);
                sentAt.set(index, sentNanos);
            }
        }

        void addActive(long nanos, long cpu) {
            activeNanos = Math.max(0, activeNanos) + nanos;
            activeCpuNanos += cpu;
        }

        Result result() {
            long elapsedNanos = activeNanos >= 0 ? activeNanos : System.nanoTime() - startNanos;
            int n = Math.min(count.get(), latencies.length());
            long[] due = new long[n];
            long[] inOrder = new long[n];
            for (int i = 0; i < n; i++) {
                due[i] = sentAt.get(i);
                inOrder[i] = latencies.get(i);
            }
            long[] sorted = inOrder.clone();
            Arrays.sort(sorted);
            long cpu = activeNanos >= 0 ? activeCpuNanos : cpuNanos.getAsLong() - cpuAtStart;
            double cpuPerRequest = cpu / 1e3 / Math.max(1, count.get());
            return new Result(count.get() / (elapsedNanos / 1e9), count.get(), percentile(sorted, 0.50),
                    percentile(sorted, 0.99), percentile(sorted, 0.999), cpuPerRequest, new Samples(due, inOrder),
                    errorStatuses.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                            entry -> entry.getValue().get())));
        }
    }
}
