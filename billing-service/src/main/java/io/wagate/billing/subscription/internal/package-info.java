/** SQL of the subscription table; changes run under a row lock so versions never repeat. */
@NullMarked
package io.wagate.billing.subscription.internal;

import org.jspecify.annotations.NullMarked;
