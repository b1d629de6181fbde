package io.wagate.auth.token;

import io.wagate.auth.audit.AuditEntry;
import io.wagate.auth.audit.AuditLog;
import io.wagate.auth.audit.AuditType;
import io.wagate.auth.membership.Memberships;
import io.wagate.auth.shared.AuthProblems;
import io.wagate.auth.token.internal.RefreshTokenStore;
import io.wagate.auth.token.internal.RefreshTokenStore.StoredToken;
import io.wagate.auth.user.Users;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refresh-token rotation. Each use marks the token rotated and issues its successor in the same family. A rotated
 * token presented again means it was copied: the whole family is revoked (the thief's and the owner's tokens) and
 * the reuse is audited. The revocation commits before the error is answered.
 */
@Service
class RefreshService {

    private final RefreshTokenStore store;
    private final Users users;
    private final Memberships memberships;
    private final SessionIssuer sessions;
    private final AuditLog audit;
    private final TransactionalOperator transactions;

    RefreshService(RefreshTokenStore store, Users users, Memberships memberships, SessionIssuer sessions,
            AuditLog audit, TransactionalOperator transactions) {
        this.store = store;
        this.users = users;
        this.memberships = memberships;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
    }

    Mono<TokenResponse> refresh(String token, String address) {
        return store.find(token)
                .switchIfEmpty(Mono.error(AuthProblems.invalidRefreshToken()))
                .flatMap(stored -> {
                    if (stored.revokedAt() != null || stored.expiresAt().isBefore(Instant.now())) {
                        return Mono.error(AuthProblems.invalidRefreshToken());
                    }
                    if (stored.rotatedAt() != null) {
                        return reused(stored, address);
                    }
                    return transactions.transactional(rotate(stored))
                            .flatMap(result -> result.isPresent() ? Mono.just(result.get()) : reused(stored, address));
                });
    }

    /** Empty when another request rotated the token first. */
    private Mono<Optional<TokenResponse>> rotate(StoredToken stored) {
        return store.markRotated(stored.id()).flatMap(won -> !won ? Mono.just(Optional.<TokenResponse>empty())
                : Mono.zip(users.findById(stored.userId()), memberships.find(stored.tenantId(), stored.userId()))
                        .switchIfEmpty(Mono.error(AuthProblems.invalidRefreshToken()))
                        .flatMap(both -> sessions.continueFamily(stored.familyId(), both.getT1(), both.getT2()))
                        .map(Optional::of));
    }

    private Mono<TokenResponse> reused(StoredToken stored, String address) {
        return transactions.transactional(store.revokeFamily(stored.familyId())
                        .flatMap(revoked -> audit.record(new AuditEntry(stored.tenantId(), "user:" + stored.userId(),
                                AuditType.REFRESH_TOKEN_REUSED, address,
                                Map.of("family", stored.familyId().toString(), "revokedTokens", revoked)))))
                .then(Mono.error(AuthProblems.invalidRefreshToken()));
    }

    Mono<Void> logout(String token) {
        return store.find(token).flatMap(stored -> store.revokeFamily(stored.familyId())).then();
    }
}
