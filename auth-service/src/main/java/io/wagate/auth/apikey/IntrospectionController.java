package io.wagate.auth.apikey;

import io.wagate.auth.apikey.internal.ApiKeyStore;
import io.wagate.auth.apikey.internal.KeyFormat;
import io.wagate.auth.shared.Secrets;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/auth/api-keys/introspect}: the gateway asks whether a presented key is valid. Outside
 * {@code /api}, never routed by the gateway, reachable only on the internal network. Answers one shape for every
 * kind of invalid key, compares hashes in constant time, and records the use without writing on this path.
 */
@RestController
class IntrospectionController {

    private final ApiKeyStore keys;
    private final LastUsedRecorder lastUsed;

    IntrospectionController(ApiKeyStore keys, LastUsedRecorder lastUsed) {
        this.keys = keys;
        this.lastUsed = lastUsed;
    }

    @PostMapping("/internal/auth/api-keys/introspect")
    Mono<ApiKeyViews.Introspection> introspect(@Valid @RequestBody ApiKeyRequests.Introspect request) {
        String presented = request.key();
        return KeyFormat.parse(presented)
                .map(parsed -> keys.byPrefix(parsed.prefix())
                        .filter(row -> row.environment().equals(parsed.environment())
                                && Secrets.sameHash(row.secretHash(), Secrets.sha256(presented))
                                && row.activeAt(Instant.now()))
                        .map(row -> {
                            lastUsed.record(row.id(), Instant.now());
                            return new ApiKeyViews.Introspection(true, row.id(), row.tenantId(), row.instanceId(),
                                    row.scopes(), row.validUntil());
                        }))
                .orElseGet(Mono::empty)
                .defaultIfEmpty(ApiKeyViews.Introspection.inactive());
    }
}
