package io.wagate.sandbox.fault;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Login failures waiting for the next login of their target; each fires once. */
public final class ArmedFailures {

    private final List<Fault> armed = new CopyOnWriteArrayList<>();

    public void arm(Fault fault) {
        if (fault.type().kind() != FaultType.Kind.LOGIN_FAILURE) {
            throw new IllegalArgumentException("only login failures can be armed: " + fault.type());
        }
        armed.add(fault);
    }

    /** Removes and returns the failure for a login as {@code jid}, if one is armed. */
    public Optional<Fault> take(long connectionId, String jid) {
        Iterator<Fault> iterator = armed.iterator();
        while (iterator.hasNext()) {
            Fault fault = iterator.next();
            if (fault.target().matches(connectionId, jid) && armed.remove(fault)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    public List<Fault> pending() {
        return List.copyOf(armed);
    }
}
