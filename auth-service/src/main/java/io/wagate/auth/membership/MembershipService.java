package io.wagate.auth.membership;

import io.wagate.auth.audit.AuditEntry;
import io.wagate.auth.audit.AuditLog;
import io.wagate.auth.audit.AuditType;
import io.wagate.auth.membership.internal.InviteStore;
import io.wagate.auth.membership.internal.MembershipWrites;
import io.wagate.auth.password.PasswordHasher;
import io.wagate.auth.password.PasswordPolicy;
import io.wagate.auth.shared.AuthProblems;
import io.wagate.auth.shared.Role;
import io.wagate.auth.user.UserAccount;
import io.wagate.auth.user.Users;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Member management. OWNERs and ADMINs manage members, but only an OWNER may create, change or remove an OWNER, and
 * the last OWNER can be neither demoted nor removed. Another tenant's user id is answered like an unknown one.
 */
@Service
class MembershipService {

    private final Memberships memberships;
    private final MembershipWrites writes;
    private final InviteStore invites;
    private final InviteProperties properties;
    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final TransactionalOperator transactions;

    MembershipService(Memberships memberships, MembershipWrites writes, InviteStore invites,
            InviteProperties properties, Users users, PasswordHasher hasher, PasswordPolicy policy, AuditLog audit,
            TransactionalOperator transactions) {
        this.memberships = memberships;
        this.writes = writes;
        this.invites = invites;
        this.properties = properties;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.transactions = transactions;
    }

    Flux<MemberViews.Member> list(UUID tenantId) {
        return memberships.ofTenant(tenantId).concatMap(m -> users.findById(m.userId())
                .map(user -> new MemberViews.Member(user.id(), user.email(), user.name(), m.role().name(), m.since())));
    }

    Mono<MemberViews.InviteCreated> invite(InternalIdentity caller, UUID callerId, MemberRequests.Invite request,
            String address) {
        requireMayGrant(caller, request.role());
        String email = Users.normalize(request.email());
        Instant expiresAt = Instant.now().plus(properties.ttl());
        return transactions.transactional(users.findByEmail(email)
                .flatMap(existing -> memberships.find(caller.tenantId(), existing.id()))
                .flatMap(member -> Mono.<InviteStore.Created>error(ApiProblem.conflict("This person is a member already")))
                .switchIfEmpty(Mono.defer(() -> invites.create(caller.tenantId(), email, request.role(), callerId,
                        expiresAt)))
                .flatMap(created -> audit.record(new AuditEntry(caller.tenantId(), caller.actor(),
                                AuditType.MEMBER_INVITED, address, Map.of("inviteId", created.id().toString(),
                                        "email", email, "role", request.role().name())))
                        .thenReturn(new MemberViews.InviteCreated(created.id(), email, request.role().name(),
                                expiresAt, created.token(), properties.linkBase() + "?token="
                                        + URLEncoder.encode(created.token(), StandardCharsets.UTF_8)))));
    }

    /**
     * Joins the invite's tenant: with the existing account of the invited email (its password proves it is theirs)
     * or with a new account created from the name and password.
     */
    Mono<MemberViews.Joined> accept(MemberRequests.Accept request, String address) {
        return transactions.transactional(invites.claim(request.token())
                .switchIfEmpty(Mono.error(AuthProblems::invalidInvite))
                .flatMap(invite -> users.findByEmail(invite.email())
                        .flatMap(existing -> existingAccount(existing, request.password()))
                        .switchIfEmpty(Mono.defer(() -> newAccount(invite.email(), request)))
                        .flatMap(userId -> memberships.add(invite.tenantId(), userId, invite.role())
                                .then(invites.accept(invite.id(), userId))
                                .then(audit.record(new AuditEntry(invite.tenantId(), "user:" + userId,
                                        AuditType.MEMBER_JOINED, address, Map.of("inviteId", invite.id().toString(),
                                                "role", invite.role().name()))))
                                .thenReturn(new MemberViews.Joined(userId, invite.tenantId(), invite.role().name())))));
    }

    private Mono<UUID> existingAccount(UserAccount existing, String password) {
        return hasher.matches(password, existing.passwordHash())
                .flatMap(ok -> ok ? Mono.just(existing.id()) : Mono.error(AuthProblems.invalidCredentials()));
    }

    private Mono<UUID> newAccount(String email, MemberRequests.Accept request) {
        @Nullable String name = request.name();
        if (name == null || name.isBlank()) {
            return Mono.error(ApiProblem.invalid("name: is required to create the account"));
        }
        if (request.password().length() < PasswordPolicy.MIN_LENGTH) {
            return Mono.error(ApiProblem.invalid("password: size must be between " + PasswordPolicy.MIN_LENGTH
                    + " and " + PasswordPolicy.MAX_LENGTH));
        }
        policy.check(request.password(), email);
        return hasher.hash(request.password()).flatMap(hash -> users.create(email, name, hash));
    }

    Mono<MemberViews.Member> changeRole(InternalIdentity caller, UUID userId, Role role, String address) {
        requireMayGrant(caller, role);
        return transactions.transactional(writes.lockTenant(caller.tenantId())
                .then(target(caller, userId))
                .flatMap(current -> guardOwner(caller, current, role != Role.OWNER)
                        .then(writes.setRole(caller.tenantId(), userId, role))
                        .then(audit.record(new AuditEntry(caller.tenantId(), caller.actor(), AuditType.ROLE_CHANGED,
                                address, Map.of("userId", userId.toString(), "from", current.role().name(),
                                        "to", role.name()))))
                        .then(memberships.find(caller.tenantId(), userId)))
                .flatMap(updated -> users.findById(userId).map(user -> new MemberViews.Member(user.id(), user.email(),
                        user.name(), updated.role().name(), updated.since()))));
    }

    Mono<Void> remove(InternalIdentity caller, UUID userId, String address) {
        return transactions.transactional(writes.lockTenant(caller.tenantId())
                .then(target(caller, userId))
                .flatMap(current -> guardOwner(caller, current, true)
                        .then(writes.remove(caller.tenantId(), userId))
                        .then(audit.record(new AuditEntry(caller.tenantId(), caller.actor(), AuditType.MEMBER_REMOVED,
                                address, Map.of("userId", userId.toString(), "role", current.role().name()))))));
    }

    private Mono<Membership> target(InternalIdentity caller, UUID userId) {
        return memberships.find(caller.tenantId(), userId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The member")));
    }

    /** Only OWNERs touch OWNERs; the last OWNER stays one. */
    private Mono<Void> guardOwner(InternalIdentity caller, Membership target, boolean losesOwnership) {
        if (target.role() != Role.OWNER || !losesOwnership) {
            return Mono.empty();
        }
        if (!caller.hasRole(Role.OWNER.name())) {
            return Mono.error(ApiProblem.forbidden("Only an OWNER may change or remove an OWNER"));
        }
        return writes.owners(caller.tenantId())
                .flatMap(owners -> owners <= 1 ? Mono.error(AuthProblems.lastOwner()) : Mono.empty());
    }

    private static void requireMayGrant(InternalIdentity caller, Role role) {
        if (role == Role.OWNER && !caller.hasRole(Role.OWNER.name())) {
            throw ApiProblem.forbidden("Only an OWNER may grant the OWNER role");
        }
    }
}
