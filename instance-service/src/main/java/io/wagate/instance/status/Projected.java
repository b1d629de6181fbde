package io.wagate.instance.status;

import io.wagate.instance.live.LiveEvent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What an applied session event asks for after its transaction commits: a live update and a QR cache change. Kept
 * out of the transaction because Redis cannot roll back with it.
 *
 * @param tenantId the tenant
 * @param live the live update
 * @param qrEffect the QR cache change, or null
 */
record Projected(UUID tenantId, LiveEvent live, @Nullable Mono<Void> qrEffect) {
}
