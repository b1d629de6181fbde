package io.wagate.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventData;
import io.wagate.contracts.Topics;
import io.wagate.contracts.message.MessageReceived;
import io.wagate.contracts.message.MessageStatus;
import io.wagate.contracts.message.MessageStatusChanged;
import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.support.identity.InternalIdentity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageTests extends BillingIntegrationTest {

    @Test
    void countsSentAndReceivedMessagesPerDay() {
        UUID tenant = UUID.randomUUID();
        UUID instance = UUID.randomUUID();
        Instant now = Instant.now();
        message(tenant, instance, new MessageStatusChanged("m1", "chat", MessageStatus.QUEUED, null, now));
        message(tenant, instance, new MessageStatusChanged("m1", "chat", MessageStatus.SENT, null, now));
        message(tenant, instance, new MessageStatusChanged("m1", "chat", MessageStatus.DELIVERED, null, now));
        message(tenant, instance, new MessageStatusChanged("m2", "chat", MessageStatus.SENT, null, now));
        message(tenant, instance, new MessageStatusChanged("m3", "chat", MessageStatus.FAILED, "timeout", now));
        message(tenant, instance, new MessageReceived("m4", "chat", "sender", null, "text", "hi", now));
        message(UUID.randomUUID(), instance, new MessageReceived("m5", "chat", "sender", null, "text", "hi", now));

        String viewer = user(tenant, InternalIdentity.VIEWER);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(viewer, "/api/billing/usage")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.sent").isEqualTo(2)
                .jsonPath("$.received").isEqualTo(1)
                .jsonPath("$.dailyMessageQuota").isEqualTo(1000)
                .jsonPath("$.days.length()").isEqualTo(1)
                .jsonPath("$.days[0].day").isEqualTo(LocalDate.now(ZoneOffset.UTC).toString())
                .jsonPath("$.days[0].quotaExceeded").isEqualTo(false));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        get(viewer, "/api/billing/usage?from=" + today.minusDays(10) + "&to=" + today.minusDays(1))
                .expectStatus().isOk().expectBody().jsonPath("$.sent").isEqualTo(0);
        get(viewer, "/api/billing/usage?from=" + today + "&to=" + today.minusDays(1)).expectStatus().isBadRequest();
        get(viewer, "/api/billing/usage?from=2020-01-01&to=2026-01-01").expectStatus().isBadRequest();
        get(viewer, "/api/billing/usage?from=yesterday").expectStatus().isBadRequest();
        get(apiKey(tenant), "/api/billing/usage").expectStatus().isForbidden();
    }

    @Test
    void reachingTheQuotaPublishesExceededOnceAndAnUpgradeRestores() {
        UUID tenant = UUID.randomUUID();
        UUID instance = UUID.randomUUID();
        put(operator(), "/api/billing/operator/tenants/" + tenant + "/subscription", "{\"plan\":\"tiny\"}")
                .expectStatus().isOk();
        for (int i = 0; i < 5; i++) {
            message(tenant, instance, new MessageStatusChanged("m" + i, "chat", MessageStatus.SENT, null, Instant.now()));
        }
        String viewer = user(tenant, InternalIdentity.VIEWER);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(viewer, "/api/billing/usage")
                .expectStatus().isOk().expectBody().jsonPath("$.sent").isEqualTo(5)
                .jsonPath("$.days[0].quotaExceeded").isEqualTo(true));
        await().atMost(Duration.ofSeconds(15)).until(() -> quotaEvents(tenant).size() == 1);
        MessageQuotaExceeded exceeded = (MessageQuotaExceeded) quotaEvents(tenant).getFirst();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(exceeded.day()).isEqualTo(today);
        assertThat(exceeded.quota()).isEqualTo(3);
        assertThat(exceeded.used()).isEqualTo(3);
        assertThat(exceeded.resetsAt()).isEqualTo(today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));

        put(operator(), "/api/billing/operator/tenants/" + tenant + "/subscription", "{\"plan\":\"basic\"}")
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(15)).until(() -> quotaEvents(tenant).size() == 2);
        assertThat(quotaEvents(tenant).get(1)).isEqualTo(new MessageQuotaRestored(tenant, today));
    }

    private void message(UUID tenant, UUID instance, EventData data) {
        publisher.publish(Topics.MESSAGE_EVENTS, instance.toString(), CloudEvent.create(
                "/session-worker", tenant.toString(), instance.toString(), null, data)).block(Duration.ofSeconds(10));
    }

    private List<EventData> quotaEvents(UUID tenant) {
        return publishedData(Topics.SUBSCRIPTION_EVENTS, tenant.toString()).stream()
                .filter(data -> data instanceof MessageQuotaExceeded || data instanceof MessageQuotaRestored).toList();
    }
}
