package io.wagate.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventCodec;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.PlanLimits;
import io.wagate.contracts.platform.SubscriptionChanged;
import io.wagate.contracts.platform.SubscriptionStatus;
import io.wagate.contracts.platform.TenantCreated;
import io.wagate.support.identity.InternalIdentity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SubscriptionTests extends BillingIntegrationTest {

    @Test
    void aNewTenantGetsBasicOnceAndItIsPublished() {
        UUID tenant = UUID.randomUUID();
        TenantCreated created = new TenantCreated(tenant, "Acme", UUID.randomUUID());
        publish(Topics.TENANT_EVENTS, tenant.toString(), tenant, created);
        publish(Topics.TENANT_EVENTS, tenant.toString(), tenant, created);

        await().atMost(Duration.ofSeconds(15)).until(() -> changes(tenant).size() == 1);
        CloudEvent<?> event = EventCodec.standard().decode(
                kafka.withKey(Topics.SUBSCRIPTION_EVENTS, tenant.toString()).getFirst().value());
        assertThat(event.source()).isEqualTo("/billing-service");
        assertThat(event.tenantId()).isEqualTo(tenant.toString());
        SubscriptionChanged change = (SubscriptionChanged) event.data();
        assertThat(change.version()).isEqualTo(1);
        assertThat(change.plan()).isEqualTo("basic");
        assertThat(change.previousPlan()).isNull();
        assertThat(change.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(change.limits()).isEqualTo(new PlanLimits(5, 600, 1000));
        get(user(tenant, InternalIdentity.VIEWER), "/api/billing/subscription").expectStatus().isOk().expectBody()
                .jsonPath("$.plan").isEqualTo("basic").jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.limits.maxInstances").isEqualTo(5);
    }

    @Test
    void theOwnerChangesThePlanAndEachChangeIsPublishedWithAHigherVersion() {
        UUID tenant = UUID.randomUUID();
        publish(Topics.TENANT_EVENTS, tenant.toString(), tenant, new TenantCreated(tenant, "Acme", UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(15)).until(() -> changes(tenant).size() == 1);
        String owner = user(tenant, InternalIdentity.OWNER);

        put(owner, "/api/billing/subscription", "{\"plan\":\"pro\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.plan").isEqualTo("pro").jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.limits.maxInstances").isEqualTo(20);
        put(owner, "/api/billing/subscription", "{\"plan\":\"pro\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2);
        put(owner, "/api/billing/subscription", "{\"plan\":\"basic\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(3);

        await().atMost(Duration.ofSeconds(15)).until(() -> changes(tenant).size() == 3);
        List<SubscriptionChanged> changes = changes(tenant);
        assertThat(changes).extracting(SubscriptionChanged::version).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(1).plan()).isEqualTo("pro");
        assertThat(changes.get(1).previousPlan()).isEqualTo("basic");
        assertThat(changes.get(1).limits().maxInstances()).isEqualTo(20);
        assertThat(changes.get(2).previousPlan()).isEqualTo("pro");
    }

    @Test
    void onlyOwnersChangeTheirPlanAndOnlyOperatorsChangeAnyTenant() {
        UUID tenant = UUID.randomUUID();
        put(user(tenant, InternalIdentity.ADMIN), "/api/billing/subscription", "{\"plan\":\"pro\"}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/forbidden");
        put(apiKey(tenant), "/api/billing/subscription", "{\"plan\":\"pro\"}").expectStatus().isForbidden();
        put(user(tenant, InternalIdentity.OWNER), "/api/billing/operator/tenants/" + tenant + "/subscription",
                "{\"plan\":\"max\"}").expectStatus().isForbidden();
        get(apiKey(tenant), "/api/billing/subscription").expectStatus().isForbidden();

        put(operator(), "/api/billing/operator/tenants/" + tenant + "/subscription",
                "{\"plan\":\"max\",\"status\":\"PAST_DUE\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.tenantId").isEqualTo(tenant.toString())
                .jsonPath("$.plan").isEqualTo("max")
                .jsonPath("$.status").isEqualTo("PAST_DUE")
                .jsonPath("$.version").isEqualTo(1);
        get(user(tenant, InternalIdentity.VIEWER), "/api/billing/subscription").expectStatus().isOk().expectBody()
                .jsonPath("$.plan").isEqualTo("max").jsonPath("$.limits.maxInstances").isEqualTo(40);
        await().atMost(Duration.ofSeconds(15)).until(() -> changes(tenant).size() == 1);
        assertThat(changes(tenant).getFirst().status()).isEqualTo(SubscriptionStatus.PAST_DUE);

        publish(Topics.TENANT_EVENTS, tenant.toString(), tenant, new TenantCreated(tenant, "Late", UUID.randomUUID()));
        put(operator(), "/api/billing/operator/tenants/" + tenant + "/subscription", "{\"plan\":\"pro\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.status").isEqualTo("PAST_DUE");
    }

    @Test
    void aTenantBillingHasNotHeardOfIsShownOnBasic() {
        get(user(UUID.randomUUID(), InternalIdentity.OWNER), "/api/billing/subscription").expectStatus().isOk()
                .expectBody().jsonPath("$.plan").isEqualTo("basic").jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        UUID tenant = UUID.randomUUID();
        String owner = user(tenant, InternalIdentity.OWNER);
        expect(put(owner, "/api/billing/subscription", "{\"plan\":\"gold\"}"), 400, "validation-failed");
        expect(put(owner, "/api/billing/subscription", "{\"plan\":\"\"}"), 400, "validation-failed");
        expect(put(owner, "/api/billing/subscription", "{\"plan\":\"pro\",\"price\":0}"), 400, "unknown-field");
        expect(put(owner, "/api/billing/subscription", "{\"plan\":"), 400, "malformed-json");
        expect(put(owner, "/api/billing/subscription", "{\"plan\":[1]}"), 400, "invalid-field-type");
        expect(put(operator(), "/api/billing/operator/tenants/" + tenant + "/subscription",
                "{\"plan\":\"pro\",\"status\":\"FREE\"}"), 400, "invalid-field-type");
        expect(put(operator(), "/api/billing/operator/tenants/not-a-uuid/subscription", "{\"plan\":\"pro\"}"), 400,
                "validation-failed");
        get(owner, "/api/billing/subscription").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(0);
        assertThat(changes(tenant)).isEmpty();
    }

    private static void expect(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
            int status, String type) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://wagate.io/problems/" + type);
    }

    private List<SubscriptionChanged> changes(UUID tenant) {
        return publishedData(Topics.SUBSCRIPTION_EVENTS, tenant.toString()).stream()
                .filter(SubscriptionChanged.class::isInstance).map(SubscriptionChanged.class::cast).toList();
    }
}
