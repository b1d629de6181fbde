/** Reading the audit trail back: the paged query behind the audit endpoint. */
@NullMarked
package io.wagate.auth.audit.internal;

import org.jspecify.annotations.NullMarked;
