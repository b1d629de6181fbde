/**
 * The engine's credentials at rest: {@link io.wagate.session.credentials.EncryptedCredentialStore} keeps each
 * linked device's credentials and prekeys in PostgreSQL sealed with AES-256-GCM under a configured master key,
 * whose id is stored with every row so that keys can be rotated without re-encrypting everything at once.
 */
@NullMarked
package io.wagate.session.credentials;

import org.jspecify.annotations.NullMarked;
