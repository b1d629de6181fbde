/**
 * SQL of the instance table. Every query that starts from a request is confined by tenant id, so another tenant's
 * instance is indistinguishable from one that does not exist.
 */
@NullMarked
package io.wagate.instance.instance.internal;

import org.jspecify.annotations.NullMarked;
