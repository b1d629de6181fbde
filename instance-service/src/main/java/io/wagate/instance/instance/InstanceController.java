package io.wagate.instance.instance;

import io.wagate.contracts.session.SessionStatus;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
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
import reactor.core.publisher.Mono;

/** {@code /api/instances}: create, list, get, update, delete. */
@RestController
@RequestMapping("/api/instances")
class InstanceController {

    private static final int MAX_PAGE_SIZE = 100;

    private final InstanceService service;

    InstanceController(InstanceService service) {
        this.service = service;
    }

    @PostMapping
    Mono<ResponseEntity<InstanceView>> create(InternalIdentity identity,
            @Valid @RequestBody InstanceRequests.Create request) {
        return service.create(identity, request)
                .map(view -> ResponseEntity.created(URI.create("/api/instances/" + view.name())).body(view));
    }

    @GetMapping
    Mono<InstancePage> list(InternalIdentity identity, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        return service.list(identity, status == null ? null : status(status), page, size);
    }

    @GetMapping("/{name}")
    Mono<InstanceView> get(InternalIdentity identity, @PathVariable String name) {
        return service.get(identity, name);
    }

    @PatchMapping("/{name}")
    Mono<InstanceView> update(InternalIdentity identity, @PathVariable String name,
            @Valid @RequestBody InstanceRequests.Update request) {
        return service.update(identity, name, request);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(InternalIdentity identity, @PathVariable String name) {
        return service.delete(identity, name);
    }

    private static SessionStatus status(String value) {
        try {
            return SessionStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status must be one of " + Arrays.toString(SessionStatus.values()));
        }
    }
}
