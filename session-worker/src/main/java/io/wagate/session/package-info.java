/**
 * session-worker: owns the live WhatsApp connections. Workers form one consumer group on the session commands; owning a partition means owning its instances.
 */
@NullMarked
package io.wagate.session;

import org.jspecify.annotations.NullMarked;
