package io.wagate.testsupport;

import io.wagate.testsupport.internal.EmbeddedServers;
import io.wagate.testsupport.internal.ExternalServers;
import io.wagate.testsupport.internal.ContainerServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers of this test JVM, started once on first use (PostgreSQL and Kafka in parallel, after Redis) and
 * stopped by a shutdown hook.
 * For each server: an existing one when its {@code WAGATE_TEST_*} variable is set, else a container when Docker
 * answers, else an embedded one.
 */
public final class SharedInfrastructure {

    public static final String POSTGRES_URL = "WAGATE_TEST_POSTGRES_URL";
    public static final String REDIS_URL = "WAGATE_TEST_REDIS_URL";
    public static final String KAFKA_BOOTSTRAP = "WAGATE_TEST_KAFKA_BOOTSTRAP";

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static volatile @Nullable SharedInfrastructure instance;

    private final PostgresServer postgres;
    private final RedisServer redis;
    private final KafkaServer kafka;
    private final String description;

    private SharedInfrastructure(PostgresServer postgres, RedisServer redis, KafkaServer kafka, String description) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
        this.description = description;
    }

    public static SharedInfrastructure get() {
        SharedInfrastructure current = instance;
        if (current == null) {
            synchronized (SharedInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start(System.getenv());
                    instance = current;
                }
            }
        }
        return current;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisServer redis() {
        return redis;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** How each server was provided, e.g. "postgres=embedded redis=external kafka=embedded". */
    public String describe() {
        return description;
    }

    private static SharedInfrastructure start(Map<String, String> env) {
        long started = System.nanoTime();
        List<AutoCloseable> resources = new ArrayList<>();
        boolean needsLocal = !env.containsKey(POSTGRES_URL) || !env.containsKey(REDIS_URL) || !env.containsKey(KAFKA_BOOTSTRAP);
        boolean docker = needsLocal && ContainerServers.dockerAvailable();
        String mode = docker ? "container" : "embedded";

        // Redis first, on its own: the embedded Redis binary is written to disk and then executed, and a process
        // forked meanwhile (PostgreSQL starting in parallel) inherits the open file, so exec fails with ETXTBSY.
        RedisServer redisServer = env.containsKey(REDIS_URL) ? ExternalServers.redis(env.get(REDIS_URL))
                : docker ? ContainerServers.redis(resources) : EmbeddedServers.redis(resources);
        CompletableFuture<RedisServer> redis = CompletableFuture.completedFuture(redisServer);
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(() -> env.containsKey(POSTGRES_URL)
                ? ExternalServers.postgres(env.get(POSTGRES_URL))
                : docker ? ContainerServers.postgres(resources) : EmbeddedServers.postgres(resources));
        CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(() -> env.containsKey(KAFKA_BOOTSTRAP)
                ? ExternalServers.kafka(env.get(KAFKA_BOOTSTRAP))
                : docker ? ContainerServers.kafka(resources) : EmbeddedServers.kafka(resources));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(resources), "wagate-test-infrastructure-stop"));
        String description = "postgres=" + (env.containsKey(POSTGRES_URL) ? "external" : mode)
                + " redis=" + (env.containsKey(REDIS_URL) ? "external" : mode)
                + " kafka=" + (env.containsKey(KAFKA_BOOTSTRAP) ? "external" : mode);
        SharedInfrastructure infrastructure = new SharedInfrastructure(postgres.join(), redis.join(), kafka.join(), description);
        log.info("Test infrastructure ready in {} ms: {}", (System.nanoTime() - started) / 1_000_000, description);
        return infrastructure;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        synchronized (resources) {
            for (AutoCloseable resource : resources.reversed()) {
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("Stopping a test server failed: {}", e.toString());
                }
            }
        }
    }
}
