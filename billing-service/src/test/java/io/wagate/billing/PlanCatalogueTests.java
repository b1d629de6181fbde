package io.wagate.billing;

import io.wagate.support.identity.InternalIdentity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanCatalogueTests extends BillingIntegrationTest {

    @Test
    void servesTheConfiguredPlansSmallestFirst() {
        get(user(UUID.randomUUID(), InternalIdentity.VIEWER), "/api/billing/plans").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[0].id").isEqualTo("tiny")
                .jsonPath("$.items[1].id").isEqualTo("basic")
                .jsonPath("$.items[1].name").isEqualTo("Basic")
                .jsonPath("$.items[1].limits.maxInstances").isEqualTo(5)
                .jsonPath("$.items[1].limits.requestsPerMinute").isEqualTo(600)
                .jsonPath("$.items[1].limits.dailyMessageQuota").isEqualTo(1000)
                .jsonPath("$.items[2].id").isEqualTo("pro")
                .jsonPath("$.items[2].limits.maxInstances").isEqualTo(20)
                .jsonPath("$.items[3].id").isEqualTo("max")
                .jsonPath("$.items[3].limits.maxInstances").isEqualTo(40);
        http.get().uri("/api/billing/plans").exchange().expectStatus().isUnauthorized();
    }
}
