/**
 * User accounts: lookup by email (case-insensitive) and id, creation with a password hash, and {@code GET
 * /api/auth/me}. Other features reach users only through {@link io.wagate.auth.user.Users}.
 */
@NullMarked
package io.wagate.auth.user;

import org.jspecify.annotations.NullMarked;
