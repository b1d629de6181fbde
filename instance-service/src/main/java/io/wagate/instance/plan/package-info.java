/**
 * What each tenant's plan allows, from a local projection of billing's subscription and quota events: the instance
 * limit checked on creation and the daily-quota block checked before sends. Nothing here calls billing-service on the
 * request path, so instance management keeps working while billing is down; tenants without a subscription yet get
 * the configured default plan.
 */
@NullMarked
package io.wagate.instance.plan;

import org.jspecify.annotations.NullMarked;
