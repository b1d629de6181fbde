/**
 * The transactional outbox: {@link io.wagate.support.outbox.Outbox#append} writes an event row inside the business
 * transaction, and {@link io.wagate.support.outbox.OutboxRelay} publishes committed rows to Kafka and marks them
 * sent. A crash between publishing and marking re-publishes on restart; consumers drop the duplicate by event id.
 */
@NullMarked
package io.wagate.support.outbox;

import org.jspecify.annotations.NullMarked;
