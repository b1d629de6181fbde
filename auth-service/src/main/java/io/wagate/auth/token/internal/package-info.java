/** Storage of refresh tokens (hashes only) and of locally generated signing keys. */
@NullMarked
package io.wagate.auth.token.internal;

import org.jspecify.annotations.NullMarked;
