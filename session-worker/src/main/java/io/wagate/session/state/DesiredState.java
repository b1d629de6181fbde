package io.wagate.session.state;

/** What the owner asked for last: keep the session connected, or leave it closed. */
public enum DesiredState {
    CONNECTED, DISCONNECTED
}
