/**
 * instance-service: instances (one linked WhatsApp number each), their lifecycle commands, the live status projection
 * fed by session events, QR rendering and connection logs.
 */
@NullMarked
package io.wagate.instance;

import org.jspecify.annotations.NullMarked;
