/**
 * The per-instance lease in Redis: only the worker holding an instance's lease may open its WhatsApp connection.
 * Every acquisition hands out a higher fencing token, which the session's database writes carry, so a worker that
 * lost its lease (a pause, a partition) cannot overwrite what the next holder wrote.
 */
@NullMarked
package io.wagate.session.lease;

import org.jspecify.annotations.NullMarked;
