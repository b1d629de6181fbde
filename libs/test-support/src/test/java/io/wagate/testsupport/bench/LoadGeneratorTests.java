package io.wagate.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTests {

    private final AtomicInteger served = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final CountDownLatch hanging = new CountDownLatch(1);
    private HttpServer server;
    private LoadGenerator load;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            String token = exchange.getRequestHeaders().getFirst("X-Token");
            if (token != null) {
                tokens.add(token);
            }
            if (exchange.getRequestURI().getPath().equals("/hang")) {
                awaitQuietly(hanging);
            }
            int status = exchange.getRequestURI().getPath().equals("/fail") ? 500 : 200;
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        load = new LoadGenerator(() -> 0);
    }

    @AfterEach
    void stop() {
        hanging.countDown();
        load.close();
        server.stop(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void unansweredRequestsCountAsErrorsAndTellTheListenerOneAtATime() throws Exception {
        try (LoadGenerator quick = new LoadGenerator(() -> 0, Duration.ofMillis(300))) {
            AtomicInteger told = new AtomicInteger();
            quick.whenUnanswered(() -> {
                told.incrementAndGet();
                sleepQuietly(Duration.ofMillis(500));
            });

            LoadGenerator.Result result = quick.openLoop(LoadRequest.get(uri("/hang"), Map.of()), 20,
                    Duration.ofSeconds(1));

            assertThat(result.errorStatuses()).containsEntry(-1, 20L);
            assertThat(result.requests()).isZero();
            // Twenty requests timed out within 1 s; the listener, busy for 0.5 s, ran for the first few only.
            assertThat(told.get()).isBetween(1, 3);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void closedLoopKeepsTheConnectionsAliveAndCountsEveryAnswer() throws InterruptedException {
        LoadGenerator.Result result = load.closedLoop(LoadRequest.get(uri("/ok"), Map.of()), 4, Duration.ofSeconds(1));

        assertThat(result.errors()).isZero();
        assertThat(result.requests()).isPositive().isEqualTo(served.get());
        assertThat(result.throughput()).isPositive();
        assertThat(result.p50Millis()).isPositive().isLessThanOrEqualTo(result.p99Millis());
        // Four in flight at a time: four keep-alive connections, not one per request.
        assertThat(clientPorts).hasSizeLessThanOrEqualTo(4);
        assertThat(result.samples().latencyNanos()).hasSize((int) result.requests());
    }

    @Test
    void openLoopSendsAtTheRateWhateverTheAnswers() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        LoadRequest request = new LoadRequest(uri("/ok"), () -> Map.of("X-Token", "t" + asked.incrementAndGet() % 3));

        LoadGenerator.Result result = load.openLoop(request, 200, Duration.ofSeconds(1));

        assertThat(result.requests()).isEqualTo(200);
        assertThat(served.get()).isEqualTo(200);
        // The headers are asked for per request, so a renewed credential is used from then on.
        assertThat(tokens).containsExactlyInAnyOrder("t0", "t1", "t2");
        assertThat(result.samples().dueNanos()).hasSize(200).doesNotContain(0L);
    }

    @Test
    void alternatingSlicesRecordEachPathOnItsOwn() throws InterruptedException {
        LoadGenerator.Result[] results = load.openLoopAlternating(LoadRequest.get(uri("/a"), Map.of()),
                LoadRequest.get(uri("/b"), Map.of()), 100, Duration.ofSeconds(1), Duration.ofMillis(500));

        assertThat(results[0].requests()).isEqualTo(100);
        assertThat(results[1].requests()).isEqualTo(100);
        // Two slices of 50 per path, A B A B, each request due 10 ms after the one before it in its slice. The
        // schedule is checked, not the wall clock: a busy machine stretches the slices, never the plan.
        long[] a = sortedDue(results[0]);
        long[] b = sortedDue(results[1]);
        assertThat(slices(a)).containsExactly(50, 50);
        assertThat(slices(b)).containsExactly(50, 50);
        assertThat(a[49]).isLessThan(b[0]);
        assertThat(b[49]).isLessThan(a[50]);
        assertThat(a[99]).isLessThan(b[50]);
        // A slice lasts at least until its last request is due, so the rate is never overstated.
        assertThat(results[0].throughput()).isPositive().isLessThanOrEqualTo(100.0 * 50 / 49);
    }

    private static long[] sortedDue(LoadGenerator.Result result) {
        long[] due = result.samples().dueNanos().clone();
        Arrays.sort(due);
        return due;
    }

    /** Sizes of the runs of due times spaced exactly one interval (10 ms) apart. */
    private static List<Integer> slices(long[] due) {
        List<Integer> sizes = new ArrayList<>();
        int size = 1;
        for (int i = 1; i < due.length; i++) {
            if (due[i] - due[i - 1] == 10_000_000L) {
                size++;
            } else {
                sizes.add(size);
                size = 1;
            }
        }
        sizes.add(size);
        return sizes;
    }

    @Test
    void answersOtherThan200AndRefusedConnectionsAreErrors() throws Exception {
        LoadGenerator.Result failing = load.openLoop(LoadRequest.get(uri("/fail"), Map.of()), 50,
                Duration.ofSeconds(1));
        assertThat(failing.requests()).isZero();
        assertThat(failing.errors()).isEqualTo(50);
        assertThat(failing.errorStatuses()).containsExactly(Map.entry(500, 50L));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LoadGenerator.Result refused = load.closedLoop(
                LoadRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/"), Map.of()), 2,
                Duration.ofMillis(300));
        assertThat(refused.requests()).isZero();
        assertThat(refused.errors()).isPositive();
        assertThat(refused.errorStatuses()).containsOnlyKeys(-1);
    }
}
