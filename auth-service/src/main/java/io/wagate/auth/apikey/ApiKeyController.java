package io.wagate.auth.apikey;

import io.wagate.auth.shared.Callers;
import io.wagate.auth.shared.ClientAddress;
import io.wagate.auth.shared.Role;
import io.wagate.support.identity.InternalIdentity;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenant-facing API-key endpoints. Creating, revoking and rotating need OWNER, ADMIN or DEVELOPER. */
@RestController
class ApiKeyController {

    private static final Role[] MANAGERS = {Role.OWNER, Role.ADMIN, Role.DEVELOPER};

    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping("/api/auth/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiKeyViews.Created> create(InternalIdentity identity, @Valid @RequestBody ApiKeyRequests.Create request,
            ServerHttpRequest http) {
        Callers.userWithRole(identity, MANAGERS);
        return service.create(identity, request, ClientAddress.of(http));
    }

    @GetMapping("/api/auth/api-keys")
    Flux<ApiKeyViews.ApiKey> list(InternalIdentity identity, @RequestParam(required = false) @Nullable UUID instanceId) {
        Callers.user(identity);
        return service.list(identity.tenantId(), instanceId);
    }

    @GetMapping("/api/auth/api-keys/{id}")
    Mono<ApiKeyViews.ApiKey> get(InternalIdentity identity, @PathVariable UUID id) {
        Callers.user(identity);
        return service.get(identity.tenantId(), id);
    }

    @DeleteMapping("/api/auth/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(InternalIdentity identity, @PathVariable UUID id, ServerHttpRequest http) {
        Callers.userWithRole(identity, MANAGERS);
        return service.revoke(identity, id, ClientAddress.of(http));
    }

    @PostMapping("/api/auth/api-keys/{id}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiKeyViews.Created> rotate(InternalIdentity identity, @PathVariable UUID id,
            @Valid @RequestBody ApiKeyRequests.Rotate request, ServerHttpRequest http) {
        Callers.userWithRole(identity, MANAGERS);
        return service.rotate(identity, id, request.overlapSeconds(), ClientAddress.of(http));
    }
}
