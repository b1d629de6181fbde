package io.wagate.sandbox.chat;

import io.wagate.engine.crypto.KeyPair;
import io.wagate.sandbox.phone.Phone;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A companion_hello received for a number; the phone side fills in the rest when the user types the code. Guarded
 * by the owning connection's monitor.
 */
final class PendingCode {

    final String number;
    final byte[] wrappedCompanion;
    final byte[] ref;
    final CompletableFuture<PairingResult> result = new CompletableFuture<>();
    @Nullable Phone phone;
    @Nullable KeyPair primaryEphemeral;
    byte @Nullable [] companionEphemeral;

    PendingCode(String number, byte[] wrappedCompanion, byte[] ref) {
        this.number = number;
        this.wrappedCompanion = wrappedCompanion;
        this.ref = ref;
    }
}
