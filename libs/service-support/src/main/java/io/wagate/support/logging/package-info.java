/**
 * Structured logging support: the request id travels in the Reactor context and is copied into the MDC (and so
 * into every JSON log line) on whatever thread continues the request; the console is written on a thread of its own
 * ({@link io.wagate.support.logging.BackgroundConsole}); log events are counted by level.
 */
@NullMarked
package io.wagate.support.logging;

import org.jspecify.annotations.NullMarked;
