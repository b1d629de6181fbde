/**
 * API keys for the integration API: one key per instance and purpose, shown once ({@code wg_live_<prefix>_<secret>},
 * {@code wg_test_} for sandbox instances), stored as a SHA-256 hash with a lookup prefix. Creation, listing,
 * revocation, rotation with an overlap, the gateway's introspection, last-use tracking off the request path, and
 * the projection of instances (from platform.instance.events) that decides which tenant may key which instance.
 */
@NullMarked
package io.wagate.auth.apikey;

import org.jspecify.annotations.NullMarked;
