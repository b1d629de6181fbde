/** Redis keys and stream positions of the live buffer. */
@NullMarked
package io.wagate.instance.live.internal;

import org.jspecify.annotations.NullMarked;
