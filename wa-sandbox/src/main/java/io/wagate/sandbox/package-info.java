/**
 * The WhatsApp sandbox: a server speaking the WhatsApp Web protocol on {@code /ws/chat} with its own certificate
 * chain, simulated phones and fault injection over an HTTP API. Runnable ({@link io.wagate.sandbox.SandboxApplication})
 * and embeddable in tests ({@link io.wagate.sandbox.SandboxServer#start(SandboxConfig)}).
 */
@org.jspecify.annotations.NullMarked
package io.wagate.sandbox;
