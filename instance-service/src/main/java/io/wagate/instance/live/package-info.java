/**
 * Live updates for the dashboard: status, QR, pairing code, profile and log lines of a tenant's instances over
 * Server-Sent Events and WebSocket. Each event goes to a short per-tenant Redis stream (its entry id is the event id
 * that {@code Last-Event-ID} resumes from) and to one Redis channel that every replica listens to, so a client sees
 * all events of its tenant whichever replica consumed them from Kafka.
 */
@NullMarked
package io.wagate.instance.live;

import org.jspecify.annotations.NullMarked;
