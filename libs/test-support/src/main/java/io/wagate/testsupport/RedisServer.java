package io.wagate.testsupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.atomic.AtomicInteger;

/** A running Redis server whose logical databases are handed out to test classes and Spring contexts. */
public final class RedisServer {

    private final String host;
    private final int port;
    private final int databases;
    private final AtomicInteger next;

    /**
     * @param firstDatabase the first logical database tests may use (an existing server's database 0 may hold other
     *     data, so external servers start at 1)
     */
    public RedisServer(String host, int port, int databases, int firstDatabase) {
        this.host = host;
        this.port = port;
        this.databases = databases;
        this.next = new AtomicInteger(firstDatabase);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String uri(int database) {
        return "redis://" + host + ":" + port + "/" + database;
    }

    /** Reserves the next logical database and empties it. Wraps around when all are used. */
    public int reserveDatabase() {
        int database = Math.floorMod(next.getAndIncrement(), databases);
        RedisClient client = RedisClient.create(RedisURI.create(uri(database)));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
        return database;
    }
}
