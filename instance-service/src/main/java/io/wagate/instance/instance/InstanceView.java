package io.wagate.instance.instance;

import io.wagate.contracts.session.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An instance as the API shows it. */
public record InstanceView(
        UUID id,
        String name,
        @Nullable String description,
        String engine,
        DesiredState desiredState,
        Status status,
        @Nullable Profile profile,
        Stats stats,
        Instant createdAt,
        Instant updatedAt) {

    /** The projected session status: state, machine-readable reason, explanation and since when. */
    public record Status(SessionStatus state, @Nullable String reason, @Nullable String detail, Instant since) {
    }

    /** The linked account, once the session has logged in. */
    public record Profile(String phoneNumber, @Nullable String jid, @Nullable String pushName,
            @Nullable String platform) {
    }

    /** Counters: reconnects since creation, messages (in and out) today (UTC). */
    public record Stats(int reconnects, int messagesToday) {
    }

    public static InstanceView of(Instance instance) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new InstanceView(instance.id(), instance.name(), instance.description(), instance.engine().wire(),
                instance.desiredState(),
                new Status(instance.status(), instance.statusReason(), instance.statusDetail(), instance.statusSince()),
                instance.phoneNumber() == null ? null
                        : new Profile(instance.phoneNumber(), instance.jid(), instance.pushName(), instance.platform()),
                new Stats(instance.reconnects(), today.equals(instance.messagesDay()) ? instance.messagesToday() : 0),
                instance.createdAt(), instance.updatedAt());
    }
}
