package io.wagate.contracts.message;

import io.wagate.contracts.EventData;
import io.wagate.contracts.EventType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message arrived on a linked number. {@code kind} is text, image, video, audio, document, reaction, ... */
@EventType("io.wagate.message.received.v1")
public record MessageReceived(String messageId, String chat, String sender, @Nullable String pushName,
        String kind, @Nullable String text, Instant sentAt) implements EventData {
}
