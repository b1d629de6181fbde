/**
 * Delivery: platform events fan out into one job per subscribed endpoint (its body kept, encrypted, for replay);
 * each attempt topic ({@code webhooks.deliveries}, then {@code webhooks.retry.<n>}) and {@code webhooks.deferred}
 * holds jobs with one fixed delay, so its records fall due in order and a consumer pauses only the partition whose
 * head record is not due. Consumers never wait for a request: jobs run concurrently, at most a few per endpoint,
 * and offsets are committed up to the oldest unfinished job. A failed attempt moves the job to the next topic, the
 * last failure to {@code webhooks.dead-letter}; every attempt is logged.
 */
@NullMarked
package io.wagate.webhook.delivery;

import org.jspecify.annotations.NullMarked;
