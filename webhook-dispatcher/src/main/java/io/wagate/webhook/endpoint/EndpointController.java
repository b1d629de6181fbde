package io.wagate.webhook.endpoint;

import io.wagate.support.identity.InternalIdentity;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/webhooks/endpoints}: create, list, get, update, delete, rotate the secret. */
@RestController
@RequestMapping("/api/webhooks/endpoints")
class EndpointController {

    private final EndpointService service;

    EndpointController(EndpointService service) {
        this.service = service;
    }

    @PostMapping
    Mono<ResponseEntity<EndpointView>> create(InternalIdentity identity,
            @Valid @RequestBody EndpointRequests.Create request) {
        return service.create(identity, request)
                .map(view -> ResponseEntity.created(URI.create("/api/webhooks/endpoints/" + view.id())).body(view));
    }

    @GetMapping
    Flux<EndpointView> list(InternalIdentity identity, @RequestParam(required = false) @Nullable String instance) {
        return service.list(identity, instance);
    }

    @GetMapping("/{id}")
    Mono<EndpointView> get(InternalIdentity identity, @PathVariable UUID id) {
        return service.get(identity, id);
    }

    @PatchMapping("/{id}")
    Mono<EndpointView> update(InternalIdentity identity, @PathVariable UUID id,
            @Valid @RequestBody EndpointRequests.Update request) {
        return service.update(identity, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(InternalIdentity identity, @PathVariable UUID id) {
        return service.delete(identity, id);
    }

    @PostMapping("/{id}/rotate-secret")
    Mono<EndpointView> rotate(InternalIdentity identity, @PathVariable UUID id,
            @Valid @RequestBody EndpointRequests.Rotate request) {
        return service.rotate(identity, id, request);
    }
}
