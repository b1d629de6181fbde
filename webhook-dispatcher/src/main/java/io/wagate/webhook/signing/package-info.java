/**
 * Endpoint secrets and signatures: {@code whsec_} secrets, the Standard Webhooks signature over
 * {@code id.timestamp.body}, and the AES-GCM encryption that keeps secrets unreadable in the database.
 */
@NullMarked
package io.wagate.webhook.signing;

import org.jspecify.annotations.NullMarked;
