package io.wagate.instance.status;

import io.wagate.contracts.CloudEvent;
import io.wagate.contracts.EventData;
import io.wagate.contracts.session.ConnectionLogged;
import io.wagate.contracts.session.PairingCodeIssued;
import io.wagate.contracts.session.ProfileUpdated;
import io.wagate.contracts.session.QrCodeUpdated;
import io.wagate.contracts.session.SessionStatus;
import io.wagate.contracts.session.SessionStatusChanged;
import io.wagate.instance.live.LiveEvent;
import io.wagate.instance.logs.ConnectionLogs;
import io.wagate.instance.qr.CurrentQr;
import io.wagate.instance.qr.QrStore;
import io.wagate.instance.status.internal.ProjectionRows;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies one session event to the instance row. Status, profile, QR and pairing-code events apply only with a
 * sequence above the instance's last one; log lines are stored whenever they are new (they are history, ordered by
 * their own sequence). Emits what to do after the commit, or nothing when the event changed nothing.
 */
@Component
class StatusProjection {

    private final ProjectionRows rows;
    private final ConnectionLogs logs;
    private final QrStore qrStore;

    StatusProjection(ProjectionRows rows, ConnectionLogs logs, QrStore qrStore) {
        this.rows = rows;
        this.logs = logs;
        this.qrStore = qrStore;
    }

    Mono<Projected> apply(CloudEvent<?> event) {
        if (event.tenantId() == null || event.instanceId() == null) {
            return Mono.empty();
        }
        UUID tenant;
        UUID instance;
        try {
            tenant = UUID.fromString(event.tenantId());
            instance = UUID.fromString(event.instanceId());
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
        return switch (event.data()) {
            case SessionStatusChanged change -> rows.status(tenant, instance, change, event.time())
                    .map(name -> projected(tenant, instance, name, "status", event, change,
                            change.status() == SessionStatus.QR_REQUIRED ? null : qrStore.clear(instance)));
            case QrCodeUpdated qr -> rows.advance(tenant, instance, qr.sequence())
                    .map(name -> projected(tenant, instance, name, "qr", event, qr,
                            qrStore.save(instance, new CurrentQr(qr.qr(), qr.index(), qr.expiresAt()))));
            case PairingCodeIssued code -> rows.advance(tenant, instance, code.sequence())
                    .map(name -> projected(tenant, instance, name, "pairing_code", event, code, null));
            case ProfileUpdated profile -> rows.profile(tenant, instance, profile)
                    .map(name -> projected(tenant, instance, name, "profile", event, profile, null));
            case ConnectionLogged line -> logs.record(tenant, instance, line)
                    .filter(stored -> stored)
                    .flatMap(stored -> rows.advance(tenant, instance, line.sequence())
                            .then(rows.name(tenant, instance)))
                    .map(name -> projected(tenant, instance, name, "log", event, line, null));
            default -> Mono.empty();
        };
    }

    private static Projected projected(UUID tenant, UUID instance, String name, String type, CloudEvent<?> event,
            EventData data, @Nullable Mono<Void> qrEffect) {
        return new Projected(tenant, new LiveEvent(type, instance, name, event.time(), data), qrEffect);
    }
}
