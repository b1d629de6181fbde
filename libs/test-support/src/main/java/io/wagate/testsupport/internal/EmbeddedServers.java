package io.wagate.testsupport.internal;

import io.wagate.testsupport.KafkaServer;
import io.wagate.testsupport.PostgresServer;
import io.wagate.testsupport.RedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Servers inside or beside the test JVM, for machines without Docker: PostgreSQL binaries from Maven Central
 * (started as a child process), a Redis binary shipped in a jar (child process) and a real KRaft broker in-process.
 */
public final class EmbeddedServers {

    private static final int REDIS_DATABASES = 64;

    private EmbeddedServers() {
    }

    public static PostgresServer postgres(List<AutoCloseable> resources) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "400")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            ContainerServers.register(resources, postgres);
            return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public static RedisServer redis(List<AutoCloseable> resources) {
        try {
            int port = freePort();
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("databases " + REDIS_DATABASES)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            ContainerServers.register(resources, server::stop);
            return new RedisServer("127.0.0.1", port, REDIS_DATABASES, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start", e);
        }
    }

    public static KafkaServer kafka(List<AutoCloseable> resources) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", "100000"));
        broker.afterPropertiesSet();
        ContainerServers.register(resources, broker::destroy);
        return new KafkaServer(broker.getBrokersAsString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
