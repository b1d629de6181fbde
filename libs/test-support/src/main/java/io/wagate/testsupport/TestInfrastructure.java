package io.wagate.testsupport;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One test class's view of the shared servers. Its database and Redis database are created on first use and belong
 * to this test class only.
 */
public final class TestInfrastructure {

    private final SharedInfrastructure shared;
    private final AtomicReference<@Nullable TestDatabase> database = new AtomicReference<>();
    private final AtomicReference<@Nullable Integer> redisDatabase = new AtomicReference<>();

    TestInfrastructure(SharedInfrastructure shared) {
        this.shared = shared;
    }

    /** A fresh, empty PostgreSQL database for this test class. */
    public TestDatabase database() {
        return database.updateAndGet(existing -> existing != null ? existing : shared.postgres().createDatabase());
    }

    public PostgresServer postgres() {
        return shared.postgres();
    }

    public RedisServer redis() {
        return shared.redis();
    }

    /** A Redis logical database reserved for this test class, flushed when reserved. */
    public int redisDatabase() {
        return redisDatabase.updateAndGet(existing -> existing != null ? existing : shared.redis().reserveDatabase());
    }

    public String redisUri() {
        return redis().uri(redisDatabase());
    }

    public String kafkaBootstrapServers() {
        return shared.kafka().bootstrapServers();
    }

    public String mode() {
        return shared.describe();
    }
}
