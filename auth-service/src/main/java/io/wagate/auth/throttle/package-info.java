/**
 * Login throttling in Redis, per account and per client address: after a number of failures the key is locked,
 * and every further failure locks it again for twice as long, up to a cap. State lives in Redis so that all
 * replicas share it and it expires by itself.
 */
@NullMarked
package io.wagate.auth.throttle;

import org.jspecify.annotations.NullMarked;
