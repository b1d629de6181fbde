/**
 * Implementation details of credential storage: the binary encoding of the engine's credential records and the
 * local-profile master key.
 */
@NullMarked
package io.wagate.session.credentials.internal;

import org.jspecify.annotations.NullMarked;
