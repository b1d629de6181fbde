/**
 * Credentials of one linked device (Noise key, identity key, signed prekey, registration id, ADV secret, own JID/LID,
 * account identity, one-time prekeys) and the storage interface behind which they live. The engine writes through
 * {@link io.wagate.engine.store.CredentialStore}; each change is one atomic write so that a crash never leaves a
 * half-updated account (the cause of most "Bad MAC" reports in other implementations).
 */
@org.jspecify.annotations.NullMarked
package io.wagate.engine.store;
