package io.wagate.sandbox.phone;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A companion the phone linked. The Noise key is what login is checked against, as the real server binds a device
 * to the static key it paired with.
 */
public final class RegisteredDevice {

    private final String jid;
    private final String lid;
    private final int deviceId;
    private final byte[] noisePublicKey;
    private final byte[] identityPublicKey;
    private final Instant linkedAt;
    private final AtomicInteger preKeyCount = new AtomicInteger();
    private final AtomicInteger preKeyUploads = new AtomicInteger();

    RegisteredDevice(String jid, String lid, int deviceId, byte[] noisePublicKey, byte[] identityPublicKey,
                     Instant linkedAt) {
        this.jid = jid;
        this.lid = lid;
        this.deviceId = deviceId;
        this.noisePublicKey = noisePublicKey.clone();
        this.identityPublicKey = identityPublicKey.clone();
        this.linkedAt = linkedAt;
    }

    public String jid() {
        return jid;
    }

    public String lid() {
        return lid;
    }

    public int deviceId() {
        return deviceId;
    }

    public byte[] noisePublicKey() {
        return noisePublicKey.clone();
    }

    public byte[] identityPublicKey() {
        return identityPublicKey.clone();
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public int preKeyCount() {
        return preKeyCount.get();
    }

    public int preKeyUploads() {
        return preKeyUploads.get();
    }

    public void preKeysUploaded(int count) {
        preKeyCount.addAndGet(count);
        preKeyUploads.incrementAndGet();
    }
}
