/**
 * JMH benchmarks of the wire layer: binary node encoding and decoding, and transport frame encryption. They are
 * compiled and run only by the Maven profile {@code bench} (see the module README), never by the normal build.
 */
@NullMarked
package io.wagate.engine.bench;

import org.jspecify.annotations.NullMarked;
