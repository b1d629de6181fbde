package io.wagate.instance.live;

import io.wagate.instance.live.internal.StreamPosition;
import java.util.UUID;

/** A live event as it travels: its id (the stream position), tenant, instance, type and JSON. */
record LiveMessage(StreamPosition id, UUID tenantId, UUID instanceId, String type, String json) {
}
