package io.wagate.contracts.session;

import io.wagate.contracts.EventType;
import java.time.Instant;

/** One line of an instance's connection log, for the dashboard and the logs API. Never contains credentials. */
@EventType("io.wagate.session.log.v1")
public record ConnectionLogged(long sequence, LogLevel level, String message, Instant at) implements SessionEvent {
}
