package io.wagate.support.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the platform's defaults at the lowest precedence (any service or deployment setting wins), including the
 * database settings. A service declares only {@code wagate.postgres.schema}; deployments set
 * {@code wagate.postgres.host/port/database/username/password} once (e.g. {@code WAGATE_POSTGRES_HOST}) and both
 * the R2DBC pool and Flyway follow. Flyway needs its own JDBC URL in an R2DBC application, or it silently does not
 * run, which is why the derivation sets it explicitly.
 */
public final class WagateEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "wagateDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = defaults();
        if (environment.containsProperty("wagate.postgres.schema")) {
            defaults.putAll(databaseSettings());
        }
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));
    }

    @Override
    public int getOrder() {
        // After config data (application.yml) is loaded, so that wagate.postgres.* from files is visible.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        // Log events are counted by WagateLogMetricsAutoConfiguration instead (same meter, far cheaper).
        defaults.put("spring.autoconfigure.exclude", WagateLogMetricsAutoConfiguration.BOOT_LOGBACK_METRICS);
        // ECS, as Boot's "ecs" format writes it, by a leaner writer (see the class).
        defaults.put("logging.structured.format.console", "io.wagate.support.logging.EcsJsonLogFormatter");
        defaults.put("spring.main.banner-mode", "off");
        // Thread locals (the MDC's request id) are restored only in handle/tap and where code asks for them: "auto"
        // restored them around every operator of every request, a fifth of instance-service's CPU per request (see
        // gateway-service/BENCHMARKS.md); the request path's own log lines name the request id (RequestIds.onLogLine).
        defaults.put("spring.reactor.context-propagation", "limited");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("server.shutdown", "graceful");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("spring.http.codecs.max-in-memory-size", "256KB");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        defaults.put("spring.jackson.deserialization.fail-on-trailing-tokens", "true");
        defaults.put("spring.data.redis.repositories.enabled", "false");
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.linger.ms", "2");
        defaults.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.properties.isolation.level", "read_committed");
        defaults.put("spring.kafka.listener.ack-mode", "record");
        return defaults;
    }

    /**
     * Placeholders rather than values: they resolve when the settings are bound, so properties added later (by a
     * test's context customizer, for example) still count.
     */
    private static Map<String, Object> databaseSettings() {
        String hostPort = "${wagate.postgres.host:localhost}:${wagate.postgres.port:5432}/${wagate.postgres.database:wagate}";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostPort + "?schema=${wagate.postgres.schema}");
        settings.put("spring.r2dbc.username", "${wagate.postgres.username:wagate}");
        settings.put("spring.r2dbc.password", "${wagate.postgres.password:}");
        settings.put("spring.r2dbc.pool.max-size", "${wagate.postgres.pool-size:10}");
        // A request waiting for a connection fails after this instead of hanging (and readiness reports it).
        settings.put("spring.r2dbc.pool.max-acquire-time", "10s");
        settings.put("spring.r2dbc.pool.max-create-connection-time", "10s");
        settings.put("spring.flyway.url", "jdbc:postgresql://" + hostPort);
        settings.put("spring.flyway.user", "${wagate.postgres.username:wagate}");
        settings.put("spring.flyway.password", "${wagate.postgres.password:}");
        settings.put("spring.flyway.schemas", "${wagate.postgres.schema}");
        settings.put("spring.flyway.default-schema", "${wagate.postgres.schema}");
        settings.put("spring.flyway.create-schemas", "true");
        settings.put("spring.flyway.locations", "classpath:db/migration,classpath:db/wagate-support");
        return settings;
    }
}
