/**
 * The security audit trail: every feature records what happened (logins, lockouts, token reuse, key and member
 * changes) through {@link io.wagate.auth.audit.AuditLog}, in the same transaction as the change it describes, and
 * a tenant's OWNERs and ADMINs page through their own tenant's entries. Entries never carry secrets.
 */
@NullMarked
package io.wagate.auth.audit;

import org.jspecify.annotations.NullMarked;
