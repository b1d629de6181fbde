package io.wagate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The checks every service's boot test runs against its running instance: health and probes up, Prometheus
 * metrics tagged with the application, problem+json with a request id for an unknown route, and (for services with
 * a database) its own schema migrated with the shared outbox and inbox tables.
 */
public final class ServiceConventions {

    private ServiceConventions() {
    }

    /** All checks for a service listening on {@code port}; {@code schema} is null for a service without a database. */
    public static void verify(int port, Environment environment, String applicationName, @Nullable String schema) {
        verify(SlowRequests.watchedClient(port), applicationName);
        if (schema != null) {
            verifyMigrated(environment, schema);
        }
    }

    public static void verify(WebTestClient http, String applicationName) {
        verify(http, http, applicationName);
    }

    /** For a service whose health and metrics answer on a management port of their own (the gateway). */
    public static void verify(WebTestClient http, WebTestClient management, String applicationName) {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            management.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
                    .isEqualTo("UP");
        }
        String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("application=\"" + applicationName + "\"").contains("jvm_memory_used_bytes");
        http.get().uri("/definitely/not/a/route").header("X-Request-Id", "conventions-check-1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", "conventions-check-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/not-found")
                .jsonPath("$.requestId").isEqualTo("conventions-check-1");
    }

    /** The service's schema has applied Flyway migrations and holds the outbox and inbox tables. */
    public static void verifyMigrated(Environment environment, String schema) {
        String url = "jdbc:postgresql://" + environment.getRequiredProperty("wagate.postgres.host") + ":"
                + environment.getRequiredProperty("wagate.postgres.port") + "/"
                + environment.getRequiredProperty("wagate.postgres.database");
        try (Connection connection = DriverManager.getConnection(url,
                environment.getRequiredProperty("wagate.postgres.username"),
                environment.getRequiredProperty("wagate.postgres.password"))) {
            assertThat(count(connection, "SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success"))
                    .as("applied migrations in %s", schema).isPositive();
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = ? AND table_name IN ('outbox_event', 'processed_event')")) {
                query.setString(1, schema);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).as("outbox and inbox tables in %s", schema).isEqualTo(2);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("Could not inspect schema " + schema, e);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
