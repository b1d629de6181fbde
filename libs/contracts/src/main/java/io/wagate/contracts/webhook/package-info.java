/**
 * Operational events of webhook delivery (from webhook-dispatcher, through its transactional outbox), on
 * {@code platform.webhook.events}.
 */
@NullMarked
package io.wagate.contracts.webhook;

import org.jspecify.annotations.NullMarked;
