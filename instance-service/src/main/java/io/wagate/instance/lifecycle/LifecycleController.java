package io.wagate.instance.lifecycle;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import jakarta.validation.Valid;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/instances/{name}/connect|disconnect|restart|logout|reset|pairing-code}: 202 with the command id. */
@RestController
@RequestMapping("/api/instances/{name}")
class LifecycleController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final LifecycleService service;

    LifecycleController(LifecycleService service) {
        this.service = service;
    }

    @PostMapping("/connect")
    Mono<ResponseEntity<CommandAccepted>> connect(InternalIdentity identity, @PathVariable String name,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        return submit(identity, name, LifecycleCommand.CONNECT, null, key);
    }

    @PostMapping("/disconnect")
    Mono<ResponseEntity<CommandAccepted>> disconnect(InternalIdentity identity, @PathVariable String name,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        return submit(identity, name, LifecycleCommand.DISCONNECT, null, key);
    }

    @PostMapping("/restart")
    Mono<ResponseEntity<CommandAccepted>> restart(InternalIdentity identity, @PathVariable String name,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        return submit(identity, name, LifecycleCommand.RESTART, null, key);
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<CommandAccepted>> logout(InternalIdentity identity, @PathVariable String name,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        return submit(identity, name, LifecycleCommand.LOGOUT, null, key);
    }

    @PostMapping("/reset")
    Mono<ResponseEntity<CommandAccepted>> reset(InternalIdentity identity, @PathVariable String name,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key) {
        return submit(identity, name, LifecycleCommand.RESET, null, key);
    }

    @PostMapping("/pairing-code")
    Mono<ResponseEntity<CommandAccepted>> pairingCode(InternalIdentity identity, @PathVariable String name,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String key,
            @Valid @RequestBody PairingCodeRequest request) {
        return submit(identity, name, LifecycleCommand.PAIRING_CODE, request.digits(), key);
    }

    private Mono<ResponseEntity<CommandAccepted>> submit(InternalIdentity identity, String name,
            LifecycleCommand command, @Nullable String phoneNumber, @Nullable String key) {
        if (key != null && !KEY_FORMAT.matcher(key).matches()) {
            throw ApiProblem.invalid(IDEMPOTENCY_KEY + " must be 1-255 visible ASCII characters");
        }
        return service.submit(identity, name, command, phoneNumber, key)
                .map(outcome -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                        .body(outcome.answer()));
    }
}
