/**
 * The SSRF guard: which addresses a webhook may never reach (loopback, private, link-local, multicast, unspecified,
 * shared CGNAT space, cloud metadata and their IPv6 and IPv4-mapped forms) unless its host is allowed by
 * configuration. It runs when an endpoint is created or changed and again, in the HTTP client's resolver, on the
 * addresses a delivery actually connects to, so that DNS changes after creation do not open a hole.
 */
@NullMarked
package io.wagate.webhook.ssrf;

import org.jspecify.annotations.NullMarked;
