package io.wagate.instance.lifecycle;

import io.wagate.contracts.session.ConnectSession;
import io.wagate.contracts.session.DisconnectSession;
import io.wagate.contracts.session.LogoutSession;
import io.wagate.contracts.session.RequestPairingCode;
import io.wagate.contracts.session.ResetSession;
import io.wagate.contracts.session.RestartSession;
import io.wagate.contracts.session.SessionCommand;
import io.wagate.instance.instance.DesiredState;
import io.wagate.instance.instance.Instance;
import org.jspecify.annotations.Nullable;

/** The lifecycle operations, their URL segment, the desired state they leave and the session command they send. */
enum LifecycleCommand {
    CONNECT("connect", DesiredState.CONNECTED),
    DISCONNECT("disconnect", DesiredState.DISCONNECTED),
    RESTART("restart", DesiredState.CONNECTED),
    LOGOUT("logout", DesiredState.DISCONNECTED),
    RESET("reset", DesiredState.CONNECTED),
    PAIRING_CODE("pairing-code", DesiredState.CONNECTED);

    private final String wire;
    private final DesiredState desiredState;

    LifecycleCommand(String wire, DesiredState desiredState) {
        this.wire = wire;
        this.desiredState = desiredState;
    }

    String wire() {
        return wire;
    }

    DesiredState desiredState() {
        return desiredState;
    }

    SessionCommand toCommand(Instance instance, String requestedBy, @Nullable String phoneNumber) {
        return switch (this) {
            case CONNECT -> new ConnectSession(instance.name(), instance.engine(), requestedBy);
            case DISCONNECT -> new DisconnectSession(requestedBy);
            case RESTART -> new RestartSession(requestedBy);
            case LOGOUT -> new LogoutSession(requestedBy, false);
            case RESET -> new ResetSession(requestedBy);
            case PAIRING_CODE -> new RequestPairingCode(String.valueOf(phoneNumber), requestedBy);
        };
    }
}
