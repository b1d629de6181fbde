/**
 * The WebSocket under a client connection: JDK {@code java.net.http.WebSocket} on one HTTP client shared by all
 * connections of the process, so that an idle connection costs no thread and little heap. Bytes go through
 * unchanged; framing and encryption live in the layers above.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.transport;
