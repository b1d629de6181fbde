/** Engine configuration per network (WhatsApp or the sandbox) and the sandbox root-key lookup. */
@NullMarked
package io.wagate.session.managed.internal;

import org.jspecify.annotations.NullMarked;
