package io.wagate.testsupport.internal;

import io.wagate.testsupport.KafkaServer;
import io.wagate.testsupport.PostgresServer;
import io.wagate.testsupport.RedisServer;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Servers in Docker containers, for machines with a Docker engine. */
public final class ContainerServers {

    private static final String POSTGRES_IMAGE = "postgres:18-alpine";
    private static final String REDIS_IMAGE = "redis:7.4-alpine";
    private static final String KAFKA_IMAGE = "apache/kafka-native:4.1.1";

    private ContainerServers() {
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static PostgresServer postgres(List<AutoCloseable> resources) {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=400");
        container.start();
        register(resources, container::stop);
        return new PostgresServer(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
                container.getUsername(), container.getPassword());
    }

    public static RedisServer redis(List<AutoCloseable> resources) {
        GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE)
                .withCommand("redis-server", "--save", "", "--appendonly", "no", "--databases", "64")
                .withExposedPorts(6379);
        container.start();
        register(resources, container::stop);
        return new RedisServer(container.getHost(), container.getFirstMappedPort(), 64, 0);
    }

    public static KafkaServer kafka(List<AutoCloseable> resources) {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        register(resources, container::stop);
        return new KafkaServer(container.getBootstrapServers());
    }

    static void register(List<AutoCloseable> resources, AutoCloseable resource) {
        synchronized (resources) {
            resources.add(resource);
        }
    }
}
