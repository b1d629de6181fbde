package io.wagate.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventData;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.MessageQuotaExceeded;
import io.wagate.contracts.platform.MessageQuotaRestored;
import io.wagate.instance.plan.QuotaGuard;
import io.wagate.support.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

class QuotaGuardTests extends InstanceIntegrationTest {

    @Autowired
    QuotaGuard guard;

    @Test
    void refusesSendsWith429UntilTheQuotaIsRestored() {
        Tenant tenant = newTenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant resetsAt = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        assertThat(allowed(tenant)).isTrue();

        quotaEvent(tenant, new MessageQuotaExceeded(tenant.id(), today, 1000, 1000, resetsAt));
        await().atMost(Duration.ofSeconds(10)).until(() -> !allowed(tenant));

        Throwable refusal = guard.requireSendAllowed(tenant.id()).then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just).block();
        assertThat(refusal).isInstanceOf(ApiProblem.class);
        ApiProblem problem = (ApiProblem) refusal;
        assertThat(problem.getStatusCode().value()).isEqualTo(429);
        assertThat(problem.getBody().getType().toString()).isEqualTo("https://wagate.io/problems/message-quota-exceeded");
        assertThat(Long.parseLong(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();

        quotaEvent(tenant, new MessageQuotaRestored(tenant.id(), today));
        await().atMost(Duration.ofSeconds(10)).until(() -> allowed(tenant));
    }

    @Test
    void aBlockEndsByItselfAtTheReset() {
        Tenant tenant = newTenant();
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        quotaEvent(tenant, new MessageQuotaExceeded(tenant.id(), yesterday, 10, 10, Instant.now().minusSeconds(5)));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM quota_block WHERE tenant_id = :tenant", tenant.id()) == 1);
        assertThat(allowed(tenant)).isTrue();
    }

    private boolean allowed(Tenant tenant) {
        return guard.requireSendAllowed(tenant.id()).thenReturn(true).onErrorReturn(false).defaultIfEmpty(true).block();
    }

    private void quotaEvent(Tenant tenant, EventData data) {
        publish(Topics.SUBSCRIPTION_EVENTS, tenant.id().toString(),
                CloudEvent.create("/billing-service", tenant.id().toString(), null, null, data));
    }
}
