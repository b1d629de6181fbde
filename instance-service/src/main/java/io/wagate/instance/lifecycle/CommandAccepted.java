package io.wagate.instance.lifecycle;

import java.time.Instant;

/**
 * The 202 answer of a lifecycle request.
 *
 * @param commandId the command's event id; session events that result from it follow on the live stream
 * @param instance the instance name
 * @param command the operation (connect, disconnect, ...)
 * @param acceptedAt when the command was accepted
 */
public record CommandAccepted(String commandId, String instance, String command, Instant acceptedAt) {
}
