/** SQL of the known-instance projection. */
@NullMarked
package io.wagate.webhook.instance.internal;

import org.jspecify.annotations.NullMarked;
