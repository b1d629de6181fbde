package io.wagate.instance.qr;

import io.wagate.contracts.session.SessionStatus;
import io.wagate.instance.instance.InstanceAccess;
import io.wagate.instance.instance.Instances;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/instances/{name}/qr?format=png|svg|text|raw}. */
@RestController
class QrController {

    private final Instances instances;
    private final QrStore store;
    private final QrRenderer renderer;

    QrController(Instances instances, QrStore store, QrRenderer renderer) {
        this.instances = instances;
        this.store = store;
        this.renderer = renderer;
    }

    @GetMapping("/api/instances/{name}/qr")
    Mono<ResponseEntity<byte[]>> qr(InternalIdentity identity, @PathVariable String name,
            @RequestParam(defaultValue = "png") String format) {
        QrFormat wanted = format(format);
        return instances.find(identity, name, InstanceAccess.Permission.READ)
                .flatMap(instance -> instance.status() != SessionStatus.QR_REQUIRED
                        ? Mono.error(new InstanceNotAwaitingScan(instance.status()))
                        : store.find(instance.id())
                                .onErrorMap(DataAccessException.class, QrController::cacheDown)
                                .switchIfEmpty(Mono.error(() -> new InstanceNotAwaitingScan(instance.status()))))
                .map(qr -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .header("Pragma", "no-cache")
                        .header("X-QR-Index", Integer.toString(qr.index()))
                        .header("X-QR-Expires-At", qr.expiresAt().toString())
                        .contentType(wanted.mediaType())
                        .body(renderer.render(qr.qr(), wanted)));
    }

    private static ApiProblem cacheDown(DataAccessException error) {
        return new ApiProblem(HttpStatusCode.valueOf(503), ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                "The QR code cache cannot be read right now; try again shortly");
    }

    private static QrFormat format(String value) {
        try {
            return QrFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("format must be png, svg, text or raw");
        }
    }
}
