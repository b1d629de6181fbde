package io.wagate.engine.login;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.wagate.engine.crypto.Curve;
import io.wagate.engine.crypto.Hashes;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.proto.ADVDeviceIdentity;
import io.wagate.engine.proto.ADVEncryptionType;
import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import io.wagate.engine.proto.ADVSignedDeviceIdentityHMAC;

/**
 * The ADV device-identity rules shared by the companion (verify, countersign) and the phone (sign, HMAC): one
 * place decides the signature prefixes, so the sandbox cannot drift from the engine.
 */
public final class DeviceIdentity {

    private static final byte[] ACCOUNT_PREFIX = {6, 0};
    private static final byte[] DEVICE_PREFIX = {6, 1};
    private static final byte[] HOSTED_ACCOUNT_PREFIX = {6, 5};

    private DeviceIdentity() {
    }

    /** What a verified pair-success yields: the identity to persist and the phone's claimed details. */
    public record Verified(ADVSignedDeviceIdentity signedIdentity, ADVDeviceIdentity details) {
    }

    /** Bytes the account key signs: prefix || details || companion identity public key. */
    public static byte[] accountSignatureMessage(byte[] details, byte[] companionIdentityPublicKey, boolean hosted) {
        return concat(hosted ? HOSTED_ACCOUNT_PREFIX : ACCOUNT_PREFIX, details, companionIdentityPublicKey);
    }

    /** Bytes the companion signs: 06 01 || details || companion identity public key || account signature key. */
    public static byte[] deviceSignatureMessage(byte[] details, byte[] companionIdentityPublicKey,
                                                byte[] accountSignatureKey) {
        return concat(DEVICE_PREFIX, details, companionIdentityPublicKey, accountSignatureKey);
    }

    /**
     * Checks a pair-success device-identity: the HMAC with our ADV secret, then the account signature over our
     * identity key. Order matters: a wrong HMAC means the QR was not ours, and is reported as such.
     */
    public static Verified verify(byte[] hmacContainer, byte[] advSecret, byte[] companionIdentityPublicKey)
            throws PairingException {
        try {
            ADVSignedDeviceIdentityHMAC container = ADVSignedDeviceIdentityHMAC.parseFrom(hmacContainer);
            boolean hosted = container.getAccountType() == ADVEncryptionType.HOSTED;
            byte[] details = container.getDetails().toByteArray();
            byte[] expected = hosted
                    ? Hashes.hmacSha256(advSecret, HOSTED_ACCOUNT_PREFIX, details)
                    : Hashes.hmacSha256(advSecret, details);
            if (!Hashes.constantTimeEquals(expected, container.getHmac().toByteArray())) {
                throw new PairingException(401, "hmac-mismatch", "device identity HMAC does not match our ADV secret");
            }
            ADVSignedDeviceIdentity signed = ADVSignedDeviceIdentity.parseFrom(details);
            byte[] innerDetails = signed.getDetails().toByteArray();
            byte[] accountKey = signed.getAccountSignatureKey().toByteArray();
            byte[] message = accountSignatureMessage(innerDetails, companionIdentityPublicKey, hosted);
            if (accountKey.length != Curve.KEY_LENGTH
                    || !Curve.verify(accountKey, message, signed.getAccountSignature().toByteArray())) {
                throw new PairingException(401, "signature-mismatch", "account signature does not verify");
            }
            return new Verified(signed, ADVDeviceIdentity.parseFrom(innerDetails));
        } catch (InvalidProtocolBufferException e) {
            throw new PairingException(500, "internal-error", "malformed device identity: " + e.getMessage());
        }
    }

    /** Adds our device signature; the result (with account key) is what we persist and attach to messages. */
    public static ADVSignedDeviceIdentity countersign(ADVSignedDeviceIdentity signed, KeyPair identityKey) {
        byte[] message = deviceSignatureMessage(signed.getDetails().toByteArray(), identityKey.publicKey(),
                signed.getAccountSignatureKey().toByteArray());
        return signed.toBuilder().setDeviceSignature(ByteString.copyFrom(identityKey.sign(message))).build();
    }

    /** The pair-device-sign reply carries the identity without the account signature key. */
    public static ADVSignedDeviceIdentity forPairDeviceSign(ADVSignedDeviceIdentity countersigned) {
        return countersigned.toBuilder().clearAccountSignatureKey().build();
    }

    /** Phone side: the account-signed identity for a new companion, before the companion countersigns. */
    public static ADVSignedDeviceIdentity signAsAccount(ADVDeviceIdentity details, KeyPair accountKey,
                                                        byte[] companionIdentityPublicKey) {
        byte[] detailBytes = details.toByteArray();
        byte[] signature = accountKey.sign(accountSignatureMessage(detailBytes, companionIdentityPublicKey,
                details.getAccountType() == ADVEncryptionType.HOSTED));
        return ADVSignedDeviceIdentity.newBuilder()
                .setDetails(ByteString.copyFrom(detailBytes))
                .setAccountSignatureKey(ByteString.copyFrom(accountKey.publicKey()))
                .setAccountSignature(ByteString.copyFrom(signature))
                .build();
    }

    /** Phone side: wraps the account-signed identity with the HMAC under the companion's ADV secret. */
    public static ADVSignedDeviceIdentityHMAC hmacContainer(ADVSignedDeviceIdentity signed, byte[] advSecret) {
        byte[] details = signed.toByteArray();
        return ADVSignedDeviceIdentityHMAC.newBuilder()
                .setDetails(ByteString.copyFrom(details))
                .setHmac(ByteString.copyFrom(Hashes.hmacSha256(advSecret, details)))
                .build();
    }

    /** Phone side: checks the companion's countersignature from pair-device-sign. */
    public static boolean deviceSignatureValid(ADVSignedDeviceIdentity fromCompanion, byte[] companionIdentityKey,
                                               byte[] accountSignatureKey) {
        byte[] message = deviceSignatureMessage(fromCompanion.getDetails().toByteArray(), companionIdentityKey,
                accountSignatureKey);
        return Curve.verify(companionIdentityKey, message, fromCompanion.getDeviceSignature().toByteArray());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
