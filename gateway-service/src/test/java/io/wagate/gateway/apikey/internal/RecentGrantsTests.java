package io.wagate.gateway.apikey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.gateway.apikey.ApiKeyGrant;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentGrantsTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aGrantIsReusedOnlyWithinItsLifetime() {
        RecentGrants recent = new RecentGrants(Duration.ofMillis(500), 100, now::get);
        ApiKeyGrant grant = grant();
        recent.put("k1", grant);

        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(recent.get("k1")).contains(grant);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.get("k1")).isEmpty();
        assertThat(recent.size()).as("expired entries are dropped when read").isZero();
    }

    @Test
    void aRevocationForgetsEveryEntryOfTheKey() {
        RecentGrants recent = new RecentGrants(Duration.ofMillis(500), 100, now::get);
        ApiKeyGrant revoked = grant();
        ApiKeyGrant other = grant();
        recent.put("k1", revoked);
        recent.put("k2", other);

        recent.evict(revoked.keyId());

        assertThat(recent.get("k1")).isEmpty();
        assertThat(recent.get("k2")).contains(other);
    }

    @Test
    void theTableStaysBoundedAndAZeroLifetimeKeepsNothing() {
        RecentGrants bounded = new RecentGrants(Duration.ofMillis(500), 3, now::get);
        for (int i = 0; i < 10; i++) {
            bounded.put("k" + i, grant());
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(3);

        RecentGrants off = new RecentGrants(Duration.ZERO, 100, now::get);
        off.put("k1", grant());
        assertThat(off.get("k1")).isEmpty();
    }

    private static ApiKeyGrant grant() {
        return new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Set.of("instance:read"), null);
    }
}
