package io.wagate.sandbox.fault;

import java.util.Locale;

/** The injectable faults, with the wire values they produce. */
public enum FaultType {
    STREAM_ERROR_515(Kind.STREAM_ERROR, 515, null),
    STREAM_ERROR_503(Kind.STREAM_ERROR, 503, null),
    STREAM_ERROR_500(Kind.STREAM_ERROR, 500, null),
    DEVICE_REMOVED(Kind.STREAM_ERROR, 401, "device_removed"),
    REPLACED(Kind.STREAM_ERROR, 0, "replaced"),
    FAILURE_401(Kind.LOGIN_FAILURE, 401, null),
    FAILURE_402(Kind.LOGIN_FAILURE, 402, null),
    FAILURE_403(Kind.LOGIN_FAILURE, 403, null),
    FAILURE_405(Kind.LOGIN_FAILURE, 405, null),
    FAILURE_406(Kind.LOGIN_FAILURE, 406, null),
    FAILURE_409(Kind.LOGIN_FAILURE, 409, null),
    FAILURE_503(Kind.LOGIN_FAILURE, 503, null),
    DROP_SOCKET(Kind.SOCKET, 0, null),
    CLOSE_SOCKET(Kind.SOCKET, 0, null),
    FRAME_DELAY(Kind.DELAY, 0, null),
    /** Stop answering pings (and everything else) without closing: the client's keep-alive must notice. */
    SILENCE(Kind.DELAY, 0, null);

    /** How and when a fault takes effect. */
    public enum Kind { STREAM_ERROR, LOGIN_FAILURE, SOCKET, DELAY }

    private final Kind kind;
    private final int code;
    private final String conflict;

    FaultType(Kind kind, int code, String conflict) {
        this.kind = kind;
        this.code = code;
        this.conflict = conflict;
    }

    public Kind kind() {
        return kind;
    }

    /** stream:error code or failure reason; 0 when the node carries none. */
    public int code() {
        return code;
    }

    /** The {@code <conflict type=..>} child of the stream error, or null. */
    public @org.jspecify.annotations.Nullable String conflict() {
        return conflict;
    }

    /** Accepts {@code stream_error_515}, {@code STREAM-ERROR-515}, {@code failure_403}, {@code drop_socket}... */
    public static FaultType parse(String text) {
        return valueOf(text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
