package io.wagate.devstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the run's internal-identity keys when missing, starts PostgreSQL, Redis and Kafka for a local run and keeps them up until the process is told to stop (SIGINT
 * or SIGTERM), then stops them in reverse order. Prints one {@code DEVSTACK READY} line when all three accept
 * connections; the run command waits for it.
 */
public final class DevStack {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        DevStackSettings settings = DevStackSettings.from(System.getenv());
        Deque<AutoCloseable> running = new ArrayDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll(running);
            stopped.countDown();
        }, "devstack-stop"));
        try {
            IdentityKeyFiles.ensure(settings.dataDirectory());
            running.push(LocalPostgres.start(settings.dataDirectory(), settings.postgresPort(), settings.database()));
            running.push(LocalRedis.start(settings.dataDirectory(), settings.redisPort()));
            running.push(LocalKafka.start(settings.dataDirectory(), settings.kafkaPort(), settings.kafkaControllerPort()));
        } catch (Exception e) {
            log.error("Local infrastructure did not start", e);
            System.exit(1);
        }
        System.out.printf("DEVSTACK READY postgres=127.0.0.1:%d/%s redis=127.0.0.1:%d kafka=127.0.0.1:%d data=%s%n",
                settings.postgresPort(), settings.database(), settings.redisPort(), settings.kafkaPort(),
                settings.dataDirectory());
        System.out.flush();
        stopped.await();
    }

    private static void stopAll(Deque<AutoCloseable> running) {
        synchronized (running) {
            while (!running.isEmpty()) {
                AutoCloseable server = running.pop();
                try {
                    server.close();
                } catch (Exception e) {
                    log.warn("Stopping {} failed: {}", server.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
