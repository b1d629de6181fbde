package io.wagate.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** Redis with an append-only file in the data folder, so cached state survives a restart like a real deployment. */
final class LocalRedis implements AutoCloseable {

    private final RedisServer server;

    private LocalRedis(RedisServer server) {
        this.server = server;
    }

    static LocalRedis start(Path dataDirectory, int port) throws IOException {
        Path directory = dataDirectory.resolve("redis");
        Files.createDirectories(directory);
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + directory)
                .setting("appendonly yes")
                .setting("save \"\"")
                .build();
        server.start();
        return new LocalRedis(server);
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
