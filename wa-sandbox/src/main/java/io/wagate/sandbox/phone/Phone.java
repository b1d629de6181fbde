package io.wagate.sandbox.phone;

import io.wagate.engine.crypto.KeyPair;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated primary device. Its identity key doubles as the account signature key, as on a real phone: the
 * companion stores it as the primary's identity.
 */
public final class Phone {

    private final String number;
    private final String lidUser;
    private final KeyPair accountKey;
    private final String pushName;
    private final Map<Integer, RegisteredDevice> devices = new ConcurrentHashMap<>();
    private final AtomicInteger nextDeviceId = new AtomicInteger(1);

    Phone(String number, String lidUser, KeyPair accountKey, String pushName) {
        this.number = number;
        this.lidUser = lidUser;
        this.accountKey = accountKey;
        this.pushName = pushName;
    }

    public String number() {
        return number;
    }

    public String lidUser() {
        return lidUser;
    }

    public String pushName() {
        return pushName;
    }

    public KeyPair accountKey() {
        return accountKey;
    }

    public String jid() {
        return number + "@s.whatsapp.net";
    }

    int allocateDeviceId() {
        return nextDeviceId.getAndIncrement();
    }

    RegisteredDevice link(int deviceId, byte[] noisePublicKey, byte[] identityPublicKey, Instant now) {
        RegisteredDevice device = new RegisteredDevice(number + ":" + deviceId + "@s.whatsapp.net",
                lidUser + ":" + deviceId + "@lid", deviceId, noisePublicKey, identityPublicKey, now);
        devices.put(deviceId, device);
        return device;
    }

    public Optional<RegisteredDevice> device(int deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public Optional<RegisteredDevice> remove(int deviceId) {
        return Optional.ofNullable(devices.remove(deviceId));
    }

    public Collection<RegisteredDevice> devices() {
        return List.copyOf(devices.values());
    }
}
