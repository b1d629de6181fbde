/** Invite storage (token hashes only) and the guarded membership updates that keep a tenant's last OWNER. */
@NullMarked
package io.wagate.auth.membership.internal;

import org.jspecify.annotations.NullMarked;
