package io.wagate.sandbox.chat;

import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import io.wagate.sandbox.phone.Phone;
import java.util.concurrent.CompletableFuture;

/** A pair-success sent by the phone, waiting for the companion's pair-device-sign. */
record PendingPair(Phone phone, int deviceId, String iqId, ADVSignedDeviceIdentity signed, byte[] companionIdentity,
                   CompletableFuture<PairingResult> result) {

    PendingPair(Phone phone, int deviceId, String iqId, ADVSignedDeviceIdentity signed, byte[] companionIdentity) {
        this(phone, deviceId, iqId, signed, companionIdentity, new CompletableFuture<>());
    }
}
