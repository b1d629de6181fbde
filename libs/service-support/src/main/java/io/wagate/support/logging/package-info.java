/**
 * Structured logging support: the request id travels in the Reactor context and is copied into the MDC (and so
 * into the JSON log line) inside Reactor's {@code handle} and {@code tap} operators, on whatever thread runs them;
 * the console is written on a thread of its own
 * ({@link io.wagate.support.logging.BackgroundConsole}); log events are counted by level.
 */
@NullMarked
package io.wagate.support.logging;

import org.jspecify.annotations.NullMarked;
