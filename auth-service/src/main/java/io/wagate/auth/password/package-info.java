/**
 * Password hashing and the password policy. Hashes are bcrypt over a SHA-256 pre-hash (bcrypt reads only 72 bytes,
 * the policy allows 128 characters); the policy rejects short, overlong and commonly used passwords.
 */
@NullMarked
package io.wagate.auth.password;

import org.jspecify.annotations.NullMarked;
