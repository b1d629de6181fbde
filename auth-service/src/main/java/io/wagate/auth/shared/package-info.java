/**
 * Small building blocks every auth feature uses: the service's problem types, the tenant roles, secret and hash
 * helpers, input rules, the caller checks and the client address as the gateway forwards it. Nothing here holds
 * state or talks to a store.
 */
@NullMarked
package io.wagate.auth.shared;

import org.jspecify.annotations.NullMarked;
