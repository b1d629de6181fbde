/**
 * The plan catalogue: Basic, Pro and Max with their instance limit, API rate limit and daily message quota, all from
 * configuration ({@code wagate.billing.plans}), served by {@code GET /api/billing/plans}.
 */
@NullMarked
package io.wagate.billing.plan;

import org.jspecify.annotations.NullMarked;
