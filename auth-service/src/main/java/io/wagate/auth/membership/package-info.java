/**
 * Who belongs to which tenant with which role: invites (a link with a hashed one-time token, no mail server),
 * accepting them, role changes and removal, with the rule that a tenant always keeps an OWNER. Other features read
 * memberships through {@link io.wagate.auth.membership.Memberships}.
 */
@NullMarked
package io.wagate.auth.membership;

import org.jspecify.annotations.NullMarked;
