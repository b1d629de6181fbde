/**
 * The status projection: session events from {@code wa.session.events} update each instance's status, reason, since,
 * profile and counters, and message events its messages-today counter. Every event passes the inbox (once per event
 * id) and then the per-instance sequence check (only a higher sequence applies), so duplicates and reordered
 * deliveries leave the latest state. Live updates and the QR cache are written after the commit.
 */
@NullMarked
package io.wagate.instance.status;

import org.jspecify.annotations.NullMarked;
