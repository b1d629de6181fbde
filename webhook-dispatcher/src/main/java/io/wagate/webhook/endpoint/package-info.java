/**
 * Webhook endpoints per instance: the management API ({@code /api/webhooks/endpoints}), its validation (https,
 * the SSRF guard, event types, custom headers), secret generation and rotation, and the lookups deliveries use.
 */
@NullMarked
package io.wagate.webhook.endpoint;

import org.jspecify.annotations.NullMarked;
