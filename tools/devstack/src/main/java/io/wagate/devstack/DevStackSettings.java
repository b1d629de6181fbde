package io.wagate.devstack;

import java.nio.file.Path;
import java.util.Map;

/** Where the local servers listen and keep their data; from environment variables with documented defaults. */
record DevStackSettings(Path dataDirectory, int postgresPort, int redisPort, int kafkaPort, int kafkaControllerPort,
        String database) {

    static DevStackSettings from(Map<String, String> env) {
        return new DevStackSettings(
                Path.of(env.getOrDefault("WAGATE_DATA_DIR", ".wagate/data")).toAbsolutePath(),
                Integer.parseInt(env.getOrDefault("WAGATE_POSTGRES_PORT", "15432")),
                Integer.parseInt(env.getOrDefault("WAGATE_REDIS_PORT", "16379")),
                Integer.parseInt(env.getOrDefault("WAGATE_KAFKA_PORT", "19092")),
                Integer.parseInt(env.getOrDefault("WAGATE_KAFKA_CONTROLLER_PORT", "19093")),
                env.getOrDefault("WAGATE_POSTGRES_DATABASE", "wagate"));
    }
}
