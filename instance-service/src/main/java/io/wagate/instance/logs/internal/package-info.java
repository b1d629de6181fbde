/** SQL of the connection_log table. */
@NullMarked
package io.wagate.instance.logs.internal;

import org.jspecify.annotations.NullMarked;
