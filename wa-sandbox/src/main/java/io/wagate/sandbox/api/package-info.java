/**
 * The sandbox's HTTP control API under {@code /api/sandbox}: phones, scanning, pairing codes, faults and connection
 * history, JSON in and out. Errors are 4xx with {@code {"error": "..."}}.
 */
@org.jspecify.annotations.NullMarked
package io.wagate.sandbox.api;
