package io.wagate.auth.token;

import io.wagate.auth.audit.AuditEntry;
import io.wagate.auth.audit.AuditLog;
import io.wagate.auth.audit.AuditType;
import io.wagate.auth.membership.Membership;
import io.wagate.auth.membership.Memberships;
import io.wagate.auth.password.PasswordHasher;
import io.wagate.auth.shared.AuthProblems;
import io.wagate.auth.throttle.LoginThrottle;
import io.wagate.auth.user.UserAccount;
import io.wagate.auth.user.Users;
import io.wagate.support.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sign-in. An unknown email and a wrong password take the same path from the outside: a bcrypt check (against a
 * dummy hash for unknown emails), a counted failure, the same problem. Locks are checked before any hashing.
 */
@Service
class LoginService {

    private final Users users;
    private final Memberships memberships;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final SessionIssuer sessions;
    private final TransactionalOperator transactions;

    LoginService(Users users, Memberships memberships, PasswordHasher hasher, LoginThrottle throttle, AuditLog audit,
            SessionIssuer sessions, TransactionalOperator transactions) {
        this.users = users;
        this.memberships = memberships;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    Mono<TokenResponse> login(LoginRequests.Login request, String address) {
        String email = Users.normalize(request.email());
        return throttle.lockedFor(email, address).flatMap(lock -> lock.isPresent()
                ? Mono.error(AuthProblems.loginThrottled(lock.get()))
                : users.findByEmail(email).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(user -> check(user, request.password())
                                .flatMap(ok -> ok ? succeed(user.orElseThrow(), request.tenantId(), address)
                                        : fail(email, user.orElse(null), address))));
    }

    private Mono<Boolean> check(Optional<UserAccount> user, String password) {
        return user.isPresent() ? hasher.matches(password, user.get().passwordHash()) : hasher.matchesNothing(password);
    }

    private Mono<TokenResponse> succeed(UserAccount user, @Nullable UUID requestedTenant, String address) {
        return memberships.ofUser(user.id()).collectList().flatMap(all -> {
            Membership chosen = choose(all, requestedTenant);
            return throttle.recordSuccess(user.email()).then(transactions.transactional(
                    sessions.start(user, chosen).flatMap(response -> audit.record(new AuditEntry(chosen.tenantId(),
                                    "user:" + user.id(), AuditType.LOGIN_SUCCEEDED, address, Map.of()))
                            .thenReturn(response))));
        });
    }

    private static Membership choose(List<Membership> all, @Nullable UUID requested) {
        if (all.isEmpty()) {
            throw ApiProblem.forbidden("This account belongs to no tenant any more");
        }
        if (requested == null) {
            return all.getFirst();
        }
        return all.stream().filter(m -> m.tenantId().equals(requested)).findFirst()
                .orElseThrow(() -> ApiProblem.forbidden("This account is not a member of that tenant"));
    }

    private Mono<TokenResponse> fail(String email, @Nullable UserAccount user, String address) {
        Mono<UUID> tenant = user == null ? Mono.empty()
                : memberships.ofUser(user.id()).next().map(Membership::tenantId);
        String actor = user == null ? "email:" + email : "user:" + user.id();
        return throttle.recordFailure(email, address).flatMap(lock -> tenant.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(tenantId -> {
                    Mono<Void> failed = audit.record(new AuditEntry(tenantId.orElse(null), actor,
                            AuditType.LOGIN_FAILED, address, Map.of("email", email)));
                    Mono<Void> locked = lock.map(l -> audit.record(new AuditEntry(tenantId.orElse(null), actor,
                            AuditType.ACCOUNT_LOCKED, address, Map.of("email", email, "lock", l.subject(),
                                    "seconds", l.duration().toSeconds(), "until",
                                    Instant.now().plus(l.duration()).toString())))).orElse(Mono.empty());
                    return failed.then(locked);
                }))
                .then(Mono.error(AuthProblems.invalidCredentials()));
    }
}
