package io.wagate.engine.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.proto.ADVDeviceIdentity;
import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import org.junit.jupiter.api.Test;

class DeviceIdentityTest {

    private final KeyPair account = KeyPair.generate();
    private final KeyPair companion = KeyPair.generate();
    private final byte[] advSecret = new byte[32];
    private final ADVDeviceIdentity details = ADVDeviceIdentity.newBuilder().setRawId(7).setKeyIndex(2)
            .setTimestamp(1_700_000_000L).build();

    @Test
    void phoneSignedIdentityVerifiesAndTheCountersignatureChecksOut() throws PairingException {
        ADVSignedDeviceIdentity signed = DeviceIdentity.signAsAccount(details, account, companion.publicKey());
        byte[] container = DeviceIdentity.hmacContainer(signed, advSecret).toByteArray();

        DeviceIdentity.Verified verified = DeviceIdentity.verify(container, advSecret, companion.publicKey());
        assertThat(verified.details().getKeyIndex()).isEqualTo(2);

        ADVSignedDeviceIdentity countersigned = DeviceIdentity.countersign(verified.signedIdentity(), companion);
        ADVSignedDeviceIdentity reply = DeviceIdentity.forPairDeviceSign(countersigned);
        assertThat(reply.hasAccountSignatureKey()).isFalse();
        assertThat(countersigned.hasAccountSignatureKey()).isTrue();
        assertThat(DeviceIdentity.deviceSignatureValid(reply, companion.publicKey(), account.publicKey())).isTrue();
        assertThat(DeviceIdentity.deviceSignatureValid(reply, KeyPair.generate().publicKey(), account.publicKey()))
                .isFalse();
    }

    @Test
    void wrongAdvSecretIsAnHmacMismatch() {
        ADVSignedDeviceIdentity signed = DeviceIdentity.signAsAccount(details, account, companion.publicKey());
        byte[] other = new byte[32];
        other[0] = 1;
        byte[] container = DeviceIdentity.hmacContainer(signed, other).toByteArray();
        assertThatThrownBy(() -> DeviceIdentity.verify(container, advSecret, companion.publicKey()))
                .isInstanceOfSatisfying(PairingException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(401);
                    assertThat(e.errorText()).isEqualTo("hmac-mismatch");
                });
    }

    @Test
    void identityForAnotherCompanionIsASignatureMismatch() {
        ADVSignedDeviceIdentity signed = DeviceIdentity.signAsAccount(details, account,
                KeyPair.generate().publicKey());
        byte[] container = DeviceIdentity.hmacContainer(signed, advSecret).toByteArray();
        assertThatThrownBy(() -> DeviceIdentity.verify(container, advSecret, companion.publicKey()))
                .isInstanceOfSatisfying(PairingException.class,
                        e -> assertThat(e.errorText()).isEqualTo("signature-mismatch"));
    }
}
