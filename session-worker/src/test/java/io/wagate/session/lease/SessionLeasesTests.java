package io.wagate.session.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.SessionReason;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.engine.store.Credentials;
import io.wagate.session.SessionWorkerIntegrationTest;
import io.wagate.session.credentials.CredentialStores;
import io.wagate.session.credentials.StaleFenceException;
import io.wagate.session.events.SessionEventPublisher;
import io.wagate.session.events.SessionIdentity;
import io.wagate.session.managed.SessionManager;
import io.wagate.session.state.SessionRows;
import io.wagate.sandbox.history.ConnectionRecord;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class SessionLeasesTests extends SessionWorkerIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    SessionLeases leases;
    @Autowired
    SessionRows rows;
    @Autowired
    SessionEventPublisher publisher;
    @Autowired
    CredentialStores stores;
    @Autowired
    SessionManager sessions;

    private SessionLeases worker(String id, Duration ttl) {
        return worker(id, ttl, new SimpleMeterRegistry());
    }

    private SessionLeases worker(String id, Duration ttl, MeterRegistry meters) {
        return new SessionLeases(redis, new LeaseProperties(id, ttl, ttl.dividedBy(3), ttl.multipliedBy(2),
                Duration.ofMillis(100)), meters);
    }

    private static double leases(MeterRegistry meters, String operation, String outcome) {
        return meters.get("wagate.sessions.leases").tag("operation", operation).tag("outcome", outcome).counter()
                .count();
    }

    @Test
    void aSecondWorkerCannotAcquireAHeldLease() {
        UUID instance = UUID.randomUUID();
        SessionLeases first = worker("worker-a", Duration.ofSeconds(30));
        MeterRegistry secondMeters = new SimpleMeterRegistry();
        SessionLeases second = worker("worker-b", Duration.ofSeconds(30), secondMeters);

        Lease held = first.acquire(instance, 0).block(WAIT);
        assertThat(held).isNotNull();
        assertThat(second.acquire(instance, 0).blockOptional(WAIT)).isEmpty();
        assertThat(leases(secondMeters, "acquire", "held_elsewhere")).isEqualTo(1);
        assertThat(secondMeters.get("wagate.sessions.leases.held").gauge().value()).isZero();
        assertThat(second.release(new Lease(instance, "worker-b", held.token())).block(WAIT)).isFalse();
        assertThat(first.holder(instance).block(WAIT)).isEqualTo("worker-a|" + held.token());

        assertThat(first.release(held).block(WAIT)).isTrue();
        Lease next = second.acquire(instance, 0).block(WAIT);
        assertThat(next).isNotNull();
        assertThat(next.token()).isGreaterThan(held.token());
    }

    @Test
    void anExpiredLeaseIsTakenOverWithAHigherTokenAndCannotBeRenewed() {
        UUID instance = UUID.randomUUID();
        MeterRegistry pausedMeters = new SimpleMeterRegistry();
        MeterRegistry nextMeters = new SimpleMeterRegistry();
        SessionLeases paused = worker("worker-a", Duration.ofMillis(400), pausedMeters);
        SessionLeases next = worker("worker-b", Duration.ofSeconds(30), nextMeters);

        Lease old = paused.acquire(instance, 0).block(WAIT);
        assertThat(old).isNotNull();
        Lease taken = await().atMost(WAIT).until(() -> next.acquire(instance, 0).block(WAIT),
                lease -> lease != null);
        assertThat(taken.token()).isGreaterThan(old.token());

        assertThat(pausedMeters.get("wagate.sessions.leases.held").gauge().value()).isEqualTo(1);
        assertThat(paused.renew(old).block(WAIT)).isFalse();
        assertThat(paused.release(old).block(WAIT)).isFalse();
        assertThat(next.holder(instance).block(WAIT)).isEqualTo("worker-b|" + taken.token());

        // What an operator sees: the paused worker lost a renewal and no longer counts the lease as held.
        assertThat(leases(pausedMeters, "acquire", "granted")).isEqualTo(1);
        assertThat(leases(pausedMeters, "renew", "lost")).isEqualTo(1);
        assertThat(leases(pausedMeters, "release", "taken_over")).isEqualTo(1);
        assertThat(pausedMeters.get("wagate.sessions.leases.held").gauge().value()).isZero();
        assertThat(leases(nextMeters, "acquire", "granted")).isEqualTo(1);
        assertThat(nextMeters.get("wagate.sessions.leases.held").gauge().value()).isEqualTo(1);
    }

    @Test
    void tokensStayAboveTheStoredFenceEvenIfRedisLostItsCounter() {
        UUID instance = UUID.randomUUID();
        Lease lease = worker("worker-a", Duration.ofSeconds(30)).acquire(instance, 41).block(WAIT);
        assertThat(lease).isNotNull();
        assertThat(lease.token()).isEqualTo(42);
    }

    @Test
    void aStaleTokensWritesAreRefused() {
        Instance instance = newInstance();
        database.sql("INSERT INTO sessions (instance_id, tenant_id, instance_name, engine, desired_state) "
                        + "VALUES (:id, :tenant, :name, 'sandbox', 'DISCONNECTED')")
                .bind("id", instance.id()).bind("tenant", instance.tenantId()).bind("name", instance.name())
                .fetch().rowsUpdated().block(WAIT);
        SessionIdentity identity = new SessionIdentity(instance.id(), instance.tenantId(), instance.name());

        assertThat(rows.raiseFence(instance.id(), 7).block(WAIT)).isTrue();
        assertThat(rows.raiseFence(instance.id(), 6).block(WAIT)).as("an older token cannot lower it").isFalse();

        assertThat(publisher.status(identity, SessionStatus.CONNECTED, SessionStatus.INIT, SessionReason.LOGGED_IN, 0,
                null, 6).blockOptional(WAIT)).as("a status write of the former holder").isEmpty();
        assertThat(count("SELECT count(*) FROM sessions WHERE instance_id = :id AND last_sequence = 0 "
                + "AND status = 'INIT'", instance.id())).isOne();
        assertThatThrownBy(() -> stores.forInstance(instance.id(), () -> 6).save(Credentials.fresh()))
                .isInstanceOf(StaleFenceException.class);
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id())).isZero();

        SessionStatusChanged current = publisher.status(identity, SessionStatus.CONNECTED, SessionStatus.INIT,
                SessionReason.LOGGED_IN, 0, null, 7).block(WAIT);
        assertThat(current).isNotNull();
        assertThat(current.sequence()).isEqualTo(1);
        stores.forInstance(instance.id(), () -> 7).save(Credentials.fresh());
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id())).isOne();
        assertThatThrownBy(() -> stores.forInstance(instance.id(), () -> 6).delete())
                .isInstanceOf(StaleFenceException.class);
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id())).isOne();
    }

    @Test
    void aSessionHoldsItsLeaseWhileConnectedAndReleasesItWhenDisconnected() {
        Instance instance = newInstance();
        linked(instance);
        String holder = leases.holder(instance.id()).block(WAIT);
        assertThat(holder).startsWith(leases.workerId() + "|");
        long token = Long.parseLong(holder.substring(holder.indexOf('|') + 1));
        assertThat(count("SELECT fence FROM sessions WHERE instance_id = :id", instance.id())).isEqualTo(token);

        disconnect(instance);
        await().atMost(WAIT).until(() -> leases.holder(instance.id()).blockOptional(WAIT).isEmpty());
    }

    @Test
    void losingTheLeaseClosesTheConnectionAtOnceAndKeepsTheCredentials() {
        Instance instance = newInstance();
        String number = linked(instance);
        String device = events.awaitData(instance.id(), ProfileUpdated.class, any -> true).jid();
        long linkedAt = events.awaitStatus(instance.id(), SessionStatus.CONNECTED, SessionReason.LOGGED_IN)
                .sequence();
        assertThat(liveConnections(number)).hasSize(1);

        // Another worker takes over: its lease in Redis, its token in the row (as its acquisition does).
        String holder = leases.holder(instance.id()).block(WAIT);
        long newer = Long.parseLong(holder.substring(holder.indexOf('|') + 1)) + 1;
        redis.opsForValue().set(SessionLeases.key(instance.id()), "another-worker|" + newer, Duration.ofMinutes(1))
                .block(WAIT);
        assertThat(rows.raiseFence(instance.id(), newer).block(WAIT)).isTrue();

        // Lease renewals run every 500 ms in these tests.
        await().atMost(WAIT).untilAsserted(() -> assertThat(liveConnections(number)).isEmpty());
        assertThat(SANDBOX.history().forDevice(device)).allSatisfy(record -> assertThat(record.live()).isFalse());
        assertThat(count("SELECT count(*) FROM session_credentials WHERE instance_id = :id", instance.id()))
                .as("credentials untouched").isOne();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sessions.statusOf(instance.id()))
                .contains(SessionStatus.DISCONNECTED));
        // The former holder's statuses are refused by the fence: nothing after CONNECTED reached the topic.
        assertThat(events.statuses(instance.id())).filteredOn(changed -> changed.sequence() > linkedAt).isEmpty();
        assertThat(leases.holder(instance.id()).block(WAIT)).isEqualTo("another-worker|" + newer);

        // The foreign lease expires on its own after the session gave up acquiring it (acquire-timeout 5 s here).
        database.sql("UPDATE sessions SET desired_state = 'DISCONNECTED' WHERE instance_id = :id")
                .bind("id", instance.id()).fetch().rowsUpdated().block(WAIT);
    }

    private static List<ConnectionRecord> liveConnections(String number) {
        return SANDBOX.history().all().stream().filter(ConnectionRecord::live)
                .filter(record -> record.deviceJid() != null && record.deviceJid().startsWith(number)).toList();
    }
}
