/**
 * Test fixtures the services' own tests share, published as service-support's test jar (only this package): what a
 * service's tests need of the platform's conventions and cannot take from test-support, which service-support's own
 * tests depend on.
 */
@NullMarked
package io.wagate.support.testing;

import org.jspecify.annotations.NullMarked;
