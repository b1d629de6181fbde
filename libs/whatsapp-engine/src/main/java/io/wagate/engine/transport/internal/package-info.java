/** Process-wide resources shared by every transport: the HTTP client(s) and the timer thread. */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.transport.internal;
