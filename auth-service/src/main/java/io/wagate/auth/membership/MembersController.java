package io.wagate.auth.membership;

import io.wagate.auth.shared.Callers;
import io.wagate.auth.shared.ClientAddress;
import io.wagate.auth.shared.Role;
import io.wagate.support.identity.InternalIdentity;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Members of the caller's tenant, invites and accepting them. */
@RestController
class MembersController {

    private final MembershipService members;

    MembersController(MembershipService members) {
        this.members = members;
    }

    @GetMapping("/api/auth/members")
    Flux<MemberViews.Member> list(InternalIdentity identity) {
        Callers.user(identity);
        return members.list(identity.tenantId());
    }

    @PostMapping("/api/auth/members/invites")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MemberViews.InviteCreated> invite(InternalIdentity identity, @Valid @RequestBody MemberRequests.Invite request,
            ServerHttpRequest http) {
        UUID caller = Callers.userWithRole(identity, Role.OWNER, Role.ADMIN);
        return members.invite(identity, caller, request, ClientAddress.of(http));
    }

    /** Public path: the invite token is the credential. */
    @PostMapping("/api/auth/invites/accept")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MemberViews.Joined> accept(@Valid @RequestBody MemberRequests.Accept request, ServerHttpRequest http) {
        return members.accept(request, ClientAddress.of(http));
    }

    @PutMapping("/api/auth/members/{userId}/role")
    Mono<MemberViews.Member> changeRole(InternalIdentity identity, @PathVariable UUID userId,
            @Valid @RequestBody MemberRequests.ChangeRole request, ServerHttpRequest http) {
        Callers.userWithRole(identity, Role.OWNER, Role.ADMIN);
        return members.changeRole(identity, userId, request.role(), ClientAddress.of(http));
    }

    @DeleteMapping("/api/auth/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(InternalIdentity identity, @PathVariable UUID userId, ServerHttpRequest http) {
        Callers.userWithRole(identity, Role.OWNER, Role.ADMIN);
        return members.remove(identity, userId, ClientAddress.of(http));
    }
}
