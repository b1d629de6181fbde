/**
 * Who may use billing: the tenant's members read it, its OWNER changes the plan, platform operators change any
 * tenant. API keys are integration credentials of one instance and have no business with billing.
 */
@NullMarked
package io.wagate.billing.access;

import org.jspecify.annotations.NullMarked;
