/**
 * The projection of instances (id, tenant, name) from instance-service's events: endpoints are managed by instance
 * name, deliveries name the instance, and a deleted instance (or tenant) takes its endpoints with it.
 */
@NullMarked
package io.wagate.webhook.instance;

import org.jspecify.annotations.NullMarked;
