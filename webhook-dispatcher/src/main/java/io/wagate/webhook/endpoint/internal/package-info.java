/**
 * SQL of the endpoint table. Queries that start from a request are confined by tenant id, so another tenant's
 * endpoint is indistinguishable from one that does not exist.
 */
@NullMarked
package io.wagate.webhook.endpoint.internal;

import org.jspecify.annotations.NullMarked;
