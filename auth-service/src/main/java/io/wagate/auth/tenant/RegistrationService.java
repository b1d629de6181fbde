package io.wagate.auth.tenant;

import io.wagate.auth.membership.Memberships;
import io.wagate.auth.password.PasswordHasher;
import io.wagate.auth.password.PasswordPolicy;
import io.wagate.auth.shared.Ids;
import io.wagate.auth.shared.Role;
import io.wagate.auth.user.Users;
import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.Topics;
import io.wagate.contracts.platform.TenantCreated;
import io.wagate.support.outbox.Outbox;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Creates tenant, owner and membership and the TenantCreated event in one transaction: all or nothing. */
@Service
class RegistrationService {

    static final String SOURCE = "/auth-service";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Users users;
    private final Memberships memberships;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Outbox outbox;

    RegistrationService(DatabaseClient database, TransactionalOperator transactions, Users users,
            Memberships memberships, PasswordPolicy policy, PasswordHasher hasher, Outbox outbox) {
        this.database = database;
        this.transactions = transactions;
        this.users = users;
        this.memberships = memberships;
        this.policy = policy;
        this.hasher = hasher;
        this.outbox = outbox;
    }

    Mono<Registered> register(RegisterRequest request) {
        policy.check(request.password(), request.email());
        UUID tenantId = Ids.newId();
        String organization = request.organization().strip();
        // Hash before the transaction: a quarter second of bcrypt should not hold a connection.
        return hasher.hash(request.password()).flatMap(hash -> transactions.transactional(
                database.sql("INSERT INTO tenants (id, name) VALUES (:id, :name)")
                        .bind("id", tenantId).bind("name", organization).then()
                        .then(users.create(request.email(), request.name(), hash))
                        .flatMap(userId -> memberships.add(tenantId, userId, Role.OWNER)
                                .then(outbox.append(Topics.TENANT_EVENTS, tenantId.toString(),
                                        CloudEvent.create(SOURCE, tenantId.toString(), null, organization,
                                                new TenantCreated(tenantId, organization, userId))))
                                .thenReturn(new Registered(userId, Users.normalize(request.email()),
                                        request.name().strip(), tenantId, organization, Role.OWNER.name())))));
    }
}
