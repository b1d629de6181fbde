package io.wagate.sandbox.history;

/** Two connections of one device that were live at the same time. */
public record Overlap(String deviceJid, ConnectionRecord first, ConnectionRecord second) {
}
