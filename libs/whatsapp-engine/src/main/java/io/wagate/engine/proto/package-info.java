/**
 * Protobuf messages of the WhatsApp Web protocol that the wire layer and login need, generated at build time from
 * {@code src/main/proto}: the Noise {@code HandshakeMessage}, {@code ClientPayload} with its user agent and
 * registration data, {@code DeviceProps}, the Noise {@code CertChain}, and the ADV signed device identity messages.
 * Field numbers are the protocol's own; the schemas are subsets that leave out fields WaGate never reads or writes.
 * Generated getters never return {@code null}.
 */
@NullMarked
package io.wagate.engine.proto;

import org.jspecify.annotations.NullMarked;
