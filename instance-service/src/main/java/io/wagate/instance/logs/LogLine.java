package io.wagate.instance.logs;

import io.wagate.contracts.session.LogLevel;
import java.time.Instant;

/** One connection log line as the API shows it. */
public record LogLine(long sequence, LogLevel level, String message, Instant at) {
}
