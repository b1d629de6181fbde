package io.wagate.session.managed;

import io.wagate.session.events.QrCache;
import io.wagate.session.events.SessionEventPublisher;
import io.wagate.session.lease.SessionLeases;
import io.wagate.session.managed.internal.EngineConfigs;
import io.wagate.session.state.SessionRows;
import io.wagate.session.status.Backoff;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every managed session shares: event output, state, leases, engine settings, backoff and the timer of
 * retries and lease renewals.
 */
record SessionContext(SessionEventPublisher events, QrCache qrCache, SessionRows rows, SessionLeases leases,
        EngineConfigs engines, Backoff backoff, ScheduledExecutorService timer, Duration ioTimeout) {
}
