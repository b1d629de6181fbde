/**
 * Tests of the platform as an operator runs it: the run command starting every service as its own process, and
 * (end to end) the public API through the gateway.
 */
@NullMarked
package io.wagate.platform;

import org.jspecify.annotations.NullMarked;
