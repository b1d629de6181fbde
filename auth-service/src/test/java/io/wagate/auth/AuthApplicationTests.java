package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.ServiceConventions;
import org.junit.jupiter.api.Test;

class AuthApplicationTests extends AuthIntegrationTest {

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(http, "auth-service");
    }

    @Test
    void migratesItsOwnSchema() {
        Long applied = database.sql("SELECT count(*) AS n FROM auth.flyway_schema_history WHERE success")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(applied).isPositive();
        Long tables = database.sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'auth' "
                        + "AND table_name IN ('outbox_event', 'processed_event', 'tenants', 'users', 'memberships', "
                        + "'refresh_tokens', 'invites', 'api_keys', 'known_instances', 'audit_log', 'signing_keys')")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(tables).isEqualTo(11);
    }
}
