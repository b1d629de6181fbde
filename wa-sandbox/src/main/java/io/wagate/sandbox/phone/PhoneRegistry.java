package io.wagate.sandbox.phone;

import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.login.DeviceIdentity;
import io.wagate.engine.proto.ADVDeviceIdentity;
import io.wagate.engine.proto.ADVEncryptionType;
import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** All simulated phones, by number. */
public final class PhoneRegistry {

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{6,14}");

    private final Map<String, Phone> phones = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public PhoneRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Creates a phone; a random 12-digit number starting with 1555 when none is given. */
    public Phone create(@Nullable String requestedNumber, @Nullable String pushName) {
        if (requestedNumber != null && !NUMBER.matcher(requestedNumber).matches()) {
            throw new IllegalArgumentException("number must be 7-15 digits without '+': " + requestedNumber);
        }
        while (true) {
            String number = requestedNumber != null ? requestedNumber : "1555" + digits(8);
            Phone phone = new Phone(number, "1" + digits(14), KeyPair.generate(),
                    pushName == null || pushName.isBlank() ? "Sandbox " + number : pushName);
            Phone existing = phones.putIfAbsent(number, phone);
            if (existing == null) {
                return phone;
            }
            if (requestedNumber != null) {
                throw new IllegalStateException("phone already exists: " + requestedNumber);
            }
        }
    }

    public Optional<Phone> find(String number) {
        return Optional.ofNullable(phones.get(number));
    }

    public Collection<Phone> all() {
        return List.copyOf(phones.values());
    }

    /** Finds a linked device by its JID {@code number:device@s.whatsapp.net}. */
    public Optional<RegisteredDevice> findDevice(String number, int deviceId) {
        return find(number).flatMap(phone -> phone.device(deviceId));
    }

    /** Links a new device to the phone and returns it; the caller has verified the device's signature. */
    public RegisteredDevice link(Phone phone, int deviceId, byte[] noisePublicKey, byte[] identityPublicKey) {
        return phone.link(deviceId, noisePublicKey, identityPublicKey, clock.instant());
    }

    /**
     * Links a companion without the QR dance, for fixtures and benchmarks that need many linked devices fast. The
     * returned identity is account-signed; the companion still adds its device signature
     * ({@code DeviceIdentity.countersign}) before it stores it.
     */
    public DirectLink linkDirectly(Phone phone, byte[] noisePublicKey, byte[] identityPublicKey) {
        int deviceId = phone.allocateDeviceId();
        ADVDeviceIdentity details = deviceDetails(deviceId);
        ADVSignedDeviceIdentity signed = DeviceIdentity.signAsAccount(details, phone.accountKey(), identityPublicKey);
        RegisteredDevice device = link(phone, deviceId, noisePublicKey, identityPublicKey);
        return new DirectLink(device, signed);
    }

    /** What the phone attests about a new companion; the key index is the device id, as on real phones. */
    public ADVDeviceIdentity deviceDetails(int deviceId) {
        return ADVDeviceIdentity.newBuilder()
                .setRawId(random.nextInt() >>> 1)
                .setTimestamp(clock.instant().getEpochSecond())
                .setKeyIndex(deviceId)
                .setAccountType(ADVEncryptionType.E2EE)
                .setDeviceType(ADVEncryptionType.E2EE)
                .build();
    }

    /** A device linked by {@link #linkDirectly}. */
    public record DirectLink(RegisteredDevice device, ADVSignedDeviceIdentity accountSignedIdentity) {
    }

    public int allocateDeviceId(Phone phone) {
        return phone.allocateDeviceId();
    }

    private String digits(int count) {
        StringBuilder builder = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            builder.append(random.nextInt(10));
        }
        return builder.toString();
    }
}
