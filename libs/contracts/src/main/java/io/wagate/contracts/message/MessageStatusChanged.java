package io.wagate.contracts.message;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An outbound message changed status; {@code error} is set for FAILED. */
@EventType("io.wagate.message.status_changed.v1")
public record MessageStatusChanged(String messageId, String chat, MessageStatus status, @Nullable String error,
        Instant at) implements EventData {
}
