/**
 * HTTP conventions: every request carries a request id (echoed in {@code X-Request-Id}, in every log line and in
 * every problem), and every error is an RFC 9457 {@code application/problem+json} document with a stable
 * {@code type} from {@link io.wagate.support.web.ProblemTypes}.
 */
@NullMarked
package io.wagate.support.web;

import org.jspecify.annotations.NullMarked;
