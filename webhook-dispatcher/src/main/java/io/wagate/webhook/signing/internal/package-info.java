/**
 * Storage of the local-profile key-encryption key. Only used when {@code wagate.profile=local} and no key is
 * configured.
 */
@NullMarked
package io.wagate.webhook.signing.internal;

import org.jspecify.annotations.NullMarked;
