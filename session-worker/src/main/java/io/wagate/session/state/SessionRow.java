package io.wagate.session.state;

import io.wagate.contracts.session.Engine;
import io.wagate.contracts.session.SessionStatus;
import java.util.UUID;

/** One instance as the worker knows it. */
public record SessionRow(UUID instanceId, UUID tenantId, String instanceName, Engine engine, DesiredState desired,
        SessionStatus status, long lastSequence) {
}
