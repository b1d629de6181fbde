package io.wagate.sandbox.fault;

import java.time.Duration;

/** One fault to inject. {@code delay} is the per-frame delay for FRAME_DELAY, otherwise zero. */
public record Fault(FaultType type, FaultTarget target, Duration delay) {

    public Fault {
        if (type == FaultType.FRAME_DELAY && (delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("frame_delay needs a positive delayMs");
        }
    }
}
