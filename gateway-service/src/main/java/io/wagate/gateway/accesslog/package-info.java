/**
 * Observability of the gateway's traffic: an access log line and a {@code wagate.gateway.requests} timer per
 * request, tagged by route, outcome and principal type, with paths reduced to templates so that neither logs nor
 * metrics carry tenant data or secrets.
 */
@NullMarked
package io.wagate.gateway.accesslog;

import org.jspecify.annotations.NullMarked;
