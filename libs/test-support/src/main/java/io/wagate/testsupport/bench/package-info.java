/**
 * Load generation for the benchmarks (never used by the default test run): closed- and open-loop HTTP load with
 * latency percentiles and CPU per request.
 */
@NullMarked
package io.wagate.testsupport.bench;

import org.jspecify.annotations.NullMarked;
