package io.wagate.instance.instance;

/** What the tenant asked for last: keep the session connected, or leave it closed. */
public enum DesiredState {
    CONNECTED, DISCONNECTED
}
