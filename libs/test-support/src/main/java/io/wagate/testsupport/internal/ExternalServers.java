package io.wagate.testsupport.internal;

import io.wagate.testsupport.KafkaServer;
import io.wagate.testsupport.PostgresServer;
import io.wagate.testsupport.RedisServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Servers that already run, named by URLs. */
public final class ExternalServers {

    private ExternalServers() {
    }

    /** {@code postgresql://user:password@host:port/database} (the database is used to create test databases). */
    public static PostgresServer postgres(String url) {
        URI uri = URI.create(url.replaceFirst("^jdbc:", "").replaceFirst("^postgres://", "postgresql://"));
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new PostgresServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, database, user, password);
    }

    /** {@code redis://host:port}. Tests use logical databases 1 to 15 and flush the ones they take. */
    public static RedisServer redis(String url) {
        URI uri = URI.create(url);
        return new RedisServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, 16, 1);
    }

    public static KafkaServer kafka(String bootstrap) {
        return new KafkaServer(bootstrap);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
