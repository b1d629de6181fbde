/** ClientPayload construction; not part of the engine API. */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.login.internal;
