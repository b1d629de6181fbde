/**
 * Live sessions: one {@link io.wagate.session.managed.ManagedSession} per instance owns one engine client and runs
 * every command, engine event and reconnect timer of its instance on its own virtual thread, one at a time, so the
 * status machine needs no locks and the instance's events leave in sequence order.
 */
@NullMarked
package io.wagate.session.managed;

import org.jspecify.annotations.NullMarked;
