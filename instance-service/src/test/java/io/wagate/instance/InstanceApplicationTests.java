package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.testsupport.ServiceConventions;
import io.wagate.testsupport.WagateInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@WagateInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InstanceApplicationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build(), "instance-service");
    }

    @Test
    void migratesItsOwnSchema() {
        Long applied = database.sql("SELECT count(*) AS n FROM instances.flyway_schema_history WHERE success")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(applied).isPositive();
        Long outboxTables = database.sql("SELECT count(*) AS n FROM information_schema.tables "
                        + "WHERE table_schema = 'instances' AND table_name IN ('outbox_event', 'processed_event')")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(outboxTables).isEqualTo(2);
    }
}
