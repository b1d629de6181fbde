package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.support.identity.InternalTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class PlanLimitTests extends InstanceIntegrationTest {

    @Test
    void aTenantWithoutSubscriptionGetsBasicFive() {
        Tenant tenant = newTenant();
        fill(tenant, 5);

        createInstance(tenant.owner(), "one-too-many", "web")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/plan-limit-reached")
                .jsonPath("$.limit").isEqualTo(5)
                .jsonPath("$.plan").isEqualTo("basic")
                .jsonPath("$.current").isEqualTo(5);
        assertThat(count("SELECT count(*) FROM instance WHERE tenant_id = :tenant", tenant.id())).isEqualTo(5);
    }

    @Test
    void parallelCreatesAtLimitMinusOneLetExactlyOneThrough() {
        for (int round = 0; round < 3; round++) {
            Tenant tenant = newTenant();
            fill(tenant, 4);
            WebClient client = WebClient.create("http://localhost:" + port);
            String token = tenant.owner();

            List<Integer> statuses = Flux.range(0, 8)
                    .flatMap(i -> client.post().uri("/api/instances")
                            .header(InternalTokens.HEADER, token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("name", "racer-" + i, "engine", "web"))
                            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 8)
                    .collectList()
                    .block(Duration.ofSeconds(30));

            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 403).hasSize(7);
            assertThat(count("SELECT count(*) FROM instance WHERE tenant_id = :tenant", tenant.id())).isEqualTo(5);
        }
    }

    @Test
    void upgradesThroughEventsRaiseTheLimitToProAndMax() {
        Tenant tenant = newTenant();
        fill(tenant, 5);
        createInstance(tenant.owner(), "blocked-on-basic", "web").expectStatus().isForbidden();

        subscription(tenant, 2, "pro", 20);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> createInstance(tenant.owner(), "first-on-pro", "web").returnResult(Void.class)
                        .getStatus().value() == 201);
        fillFrom(tenant, 7, 20);
        createInstance(tenant.owner(), "blocked-on-pro", "web").expectStatus().isForbidden()
                .expectBody().jsonPath("$.limit").isEqualTo(20).jsonPath("$.plan").isEqualTo("pro");

        subscription(tenant, 3, "max", 40);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> createInstance(tenant.owner(), "first-on-max", "web").returnResult(Void.class)
                        .getStatus().value() == 201);
        fillFrom(tenant, 22, 40);
        createInstance(tenant.owner(), "blocked-on-max", "web").expectStatus().isForbidden()
                .expectBody().jsonPath("$.limit").isEqualTo(40).jsonPath("$.plan").isEqualTo("max");
    }

    @Test
    void aDowngradeBlocksNewInstancesAndStaleVersionsAreIgnored() {
        Tenant tenant = newTenant();
        subscription(tenant, 5, "pro", 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> planVersion(tenant) == 5);
        fill(tenant, 7);

        subscription(tenant, 6, "basic", 5);
        subscription(tenant, 4, "max", 40);
        await().atMost(Duration.ofSeconds(10)).until(() -> planVersion(tenant) == 6);

        createInstance(tenant.owner(), "after-downgrade", "web").expectStatus().isForbidden()
                .expectBody().jsonPath("$.limit").isEqualTo(5).jsonPath("$.current").isEqualTo(7);
        get(tenant.owner(), "/api/instances").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(7);
    }

    private long planVersion(Tenant tenant) {
        return database.sql("SELECT coalesce(max(version), 0) FROM tenant_plan WHERE tenant_id = :tenant")
                .bind("tenant", tenant.id()).map(row -> row.get(0, Long.class)).one().block();
    }

    private void fill(Tenant tenant, int count) {
        fillFrom(tenant, 1, count);
    }

    private void fillFrom(Tenant tenant, int first, int last) {
        String token = tenant.owner();
        for (int i = first; i <= last; i++) {
            createInstance(token, "slot-" + i, "sandbox").expectStatus().isCreated();
        }
    }
}
