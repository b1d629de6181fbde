/** SQL of the delivery attempt log (no bodies: they may hold message content) and of the encrypted bodies kept for replay. */
@NullMarked
package io.wagate.webhook.delivery.internal;

import org.jspecify.annotations.NullMarked;
