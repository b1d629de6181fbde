package io.wagate.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that point a service at the test infrastructure: its own database and Redis database, the shared
 * Kafka, and the test identity keys. {@link WagateInfrastructure} applies them to test contexts; tests that start
 * further service contexts themselves (restarts, several workers, benchmarks) pass them as arguments.
 */
public final class InfrastructureSettings {

    private InfrastructureSettings() {
    }

    public static Map<String, String> of(TestDatabase database, RedisServer redis, int redisDatabase,
            String kafkaBootstrapServers) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("wagate.postgres.host", database.host());
        settings.put("wagate.postgres.port", Integer.toString(database.port()));
        settings.put("wagate.postgres.database", database.name());
        settings.put("wagate.postgres.username", database.username());
        settings.put("wagate.postgres.password", database.password());
        settings.put("spring.data.redis.host", redis.host());
        settings.put("spring.data.redis.port", Integer.toString(redis.port()));
        settings.put("spring.data.redis.database", Integer.toString(redisDatabase));
        settings.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        settings.put("wagate.identity.public-key", TestIdentityKeys.publicKeyBase64());
        settings.put("wagate.identity.private-key", TestIdentityKeys.privateKeyBase64());
        return settings;
    }
}
