package io.wagate.instance.instance;

import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.SessionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One instance with its projected session state, as stored. */
public record Instance(
        UUID id,
        UUID tenantId,
        String name,
        @Nullable String description,
        Engine engine,
        DesiredState desiredState,
        SessionStatus status,
        @Nullable String statusReason,
        @Nullable String statusDetail,
        Instant statusSince,
        @Nullable String phoneNumber,
        @Nullable String jid,
        @Nullable String pushName,
        @Nullable String platform,
        int reconnects,
        @Nullable LocalDate messagesDay,
        int messagesToday,
        Instant createdAt,
        Instant updatedAt) {
}
