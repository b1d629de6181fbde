/**
 * Delivery: platform events fan out into one job per subscribed endpoint; each attempt topic
 * ({@code webhooks.deliveries}, then {@code webhooks.retry.<n>}) holds jobs with one fixed delay, so its records
 * fall due in order and a worker waits for the head record without blocking the others. A failed attempt moves the
 * job to the next topic, the last failure to {@code webhooks.dead-letter}; every attempt is logged.
 */
@NullMarked
package io.wagate.webhook.delivery;

import org.jspecify.annotations.NullMarked;
