package io.wagate.contracts.session;

/** Level of a connection log line. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}
