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
    private final RecentGrants recent = new RecentGrants(Duration.ofMillis(500), 100, now::get);

    @Test
    void aGrantIsReusedOnlyWithinItsLifetime() {
        ApiKeyGrant grant = grant();
        recent.put("k1", grant);

        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(recent.get("k1").grant()).isEqualTo(grant);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.get("k1")).isNull();
        assertThat(recent.lastKnown("k1")).as("kept as a hint, never served as a grant").isEqualTo(grant);
    }

    @Test
    void aKeyFoundInactiveOrRevokedHasNoLastKnownGrant() {
        ApiKeyGrant inactive = grant();
        ApiKeyGrant revoked = grant();
        recent.put("k1", inactive);
        recent.put("k2", revoked);
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        recent.forget("k1");
        recent.evict(revoked.keyId());

        assertThat(recent.lastKnown("k1")).isNull();
        assertThat(recent.lastKnown("k2")).isNull();
        assertThat(recent.lastKnown("never-seen")).isNull();
    }

    @Test
    void aRevocationForgetsEveryEntryOfTheKey() {
        ApiKeyGrant revoked = grant();
        ApiKeyGrant other = grant();
        recent.put("k1", revoked);
        recent.put("k2", other);

        recent.evict(revoked.keyId());

        assertThat(recent.get("k1")).isNull();
        assertThat(recent.get("k2").grant()).isEqualTo(other);
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
        assertThat(off.get("k1")).isNull();
    }

    @Test
    void pastHalfItsLifetimeOneReaderIsAskedToVerifyAgainAndARenewalStartsOver() {
        ApiKeyGrant grant = grant();
        recent.put("k1", grant);

        now.addAndGet(Duration.ofMillis(249).toNanos());
        assertThat(recent.get("k1").refreshDue()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.get("k1").refreshDue()).as("the first reader past half the lifetime").isTrue();
        assertThat(recent.get("k1").refreshDue()).as("and no other").isFalse();
        assertThat(recent.get("k1").grant()).as("the grant is still served meanwhile").isEqualTo(grant);

        now.addAndGet(Duration.ofMillis(100).toNanos());
        recent.put("k1", grant);
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(recent.get("k1")).as("renewed 400 ms ago: alive past the first lifetime").isNotNull();
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(recent.get("k1")).as("never used a lifetime after it was last verified").isNull();
    }

    @Test
    void aKeyFoundInactiveIsForgottenAtOnce() {
        recent.put("k1", grant());
        recent.forget("k1");
        assertThat(recent.get("k1")).isNull();
    }

    private static ApiKeyGrant grant() {
        return new ApiKeyGrant(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Set.of("instance:read"), null);
    }
}
