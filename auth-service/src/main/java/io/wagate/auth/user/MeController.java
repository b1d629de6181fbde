package io.wagate.auth.user;

import io.wagate.auth.membership.Memberships;
import io.wagate.auth.shared.Callers;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/auth/me}: the signed-in user, the current tenant and role, and all memberships (to switch). */
@RestController
class MeController {

    private final Users users;
    private final Memberships memberships;

    MeController(Users users, Memberships memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    record Me(UUID userId, String email, String name, boolean operator, UUID tenantId, List<String> roles,
            List<TenantMembership> memberships) {
    }

    record TenantMembership(UUID tenantId, String tenantName, String role) {
    }

    @GetMapping("/api/auth/me")
    Mono<Me> me(InternalIdentity identity) {
        UUID userId = Callers.user(identity);
        return users.findById(userId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The user")))
                .zipWith(memberships.ofUser(userId)
                        .map(m -> new TenantMembership(m.tenantId(), m.tenantName(), m.role().name())).collectList())
                .map(both -> new Me(both.getT1().id(), both.getT1().email(), both.getT1().name(),
                        both.getT1().operator(), identity.tenantId(), identity.roles().stream().sorted().toList(),
                        both.getT2()));
    }
}
