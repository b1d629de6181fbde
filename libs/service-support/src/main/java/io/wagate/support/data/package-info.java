/**
 * How the services reach PostgreSQL: connection pools bound to the event loops that serve the requests, so that a
 * query and its answer run on the thread the request arrived on.
 */
@NullMarked
package io.wagate.support.data;

import org.jspecify.annotations.NullMarked;
