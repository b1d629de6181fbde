package io.wagate.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A test-client filter that prints every thread's stack when a request has not been answered after a threshold,
 * so that a stalled request explains itself in the test output (which thread is blocked, on what) instead of
 * only timing out.
 */
public final class SlowRequests {

    /** The response timeout test clients use; {@link #THRESHOLD} is when the stacks are printed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final Duration THRESHOLD = Duration.ofSeconds(15);

    private SlowRequests() {
    }

    /** The test client of a service on {@code port}: {@link #TIMEOUT}, and stacks printed for a stalled request. */
    public static WebTestClient watchedClient(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(TIMEOUT)
                .filter(dumpThreadsAfterThreshold()).build();
    }

    public static ExchangeFilterFunction dumpThreadsAfterThreshold() {
        return (request, next) -> {
            Disposable watchdog = Mono.delay(THRESHOLD)
                    .subscribe(tick -> dump(request.method() + " " + request.url(), request.url().getPort()));
            return next.exchange(request).doFinally(signal -> watchdog.dispose());
        };
    }

    private static void dump(String request, int port) {
        StringBuilder out = new StringBuilder("\n=== " + request + " not answered after " + THRESHOLD
                + "; sockets and thread stacks follow ===\n");
        out.append(sockets(port));
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : entry.getValue()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        out.append("=== end of thread stacks ===\n");
        System.err.print(out);
    }

    /** Both ends of every connection to the port with their queues: shows which side holds unread bytes. */
    private static String sockets(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-tni", "( sport = :" + port + " or dport = :" + port + " )")
                    .redirectErrorStream(true).start();
            String listing = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor(5, TimeUnit.SECONDS);
            return listing + "\n";
        } catch (IOException e) {
            return "(no socket listing: " + e.getMessage() + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(socket listing interrupted)\n";
        }
    }
}
