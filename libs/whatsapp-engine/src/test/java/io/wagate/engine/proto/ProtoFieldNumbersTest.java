package io.wagate.engine.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The field numbers are protocol: a renumbering would silently break the handshake and pairing. */
class ProtoFieldNumbersTest {

    @Test
    void handshakeMessage() {
        assertNumbers(HandshakeMessage.getDescriptor(), "clientHello", 2, "serverHello", 3, "clientFinish", 4);
        assertNumbers(HandshakeMessage.ServerHello.getDescriptor(), "ephemeral", 1, "static", 2, "payload", 3);
        assertNumbers(HandshakeMessage.ClientFinish.getDescriptor(), "static", 1, "payload", 2);
    }

    @Test
    void clientPayload() {
        assertNumbers(ClientPayload.getDescriptor(), "username", 1, "passive", 3, "userAgent", 5, "webInfo", 6,
                "pushName", 7, "connectType", 12, "connectReason", 13, "device", 18, "devicePairingData", 19,
                "lc", 24, "pull", 33, "lidDbMigrated", 41);
        assertNumbers(ClientPayload.UserAgent.getDescriptor(), "platform", 1, "appVersion", 2, "mcc", 3, "mnc", 4,
                "osVersion", 5, "manufacturer", 6, "device", 7, "osBuildNumber", 8, "releaseChannel", 10,
                "localeLanguageIso6391", 11, "localeCountryIso31661Alpha2", 12);
        assertNumbers(ClientPayload.WebInfo.getDescriptor(), "webSubPlatform", 4);
        assertNumbers(ClientPayload.DevicePairingRegistrationData.getDescriptor(), "eRegid", 1, "eKeytype", 2,
                "eIdent", 3, "eSkeyId", 4, "eSkeyVal", 5, "eSkeySig", 6, "buildHash", 7, "deviceProps", 8);
        assertThat(ClientPayload.UserAgent.Platform.WEB.getNumber()).isEqualTo(14);
        assertThat(ClientPayload.ConnectType.WIFI_UNKNOWN.getNumber()).isEqualTo(1);
        assertThat(ClientPayload.ConnectReason.USER_ACTIVATED.getNumber()).isEqualTo(1);
        // Tag of field 19, wire type 2: varint 0x9a 0x01.
        byte[] bytes = ClientPayload.newBuilder()
                .setDevicePairingData(ClientPayload.DevicePairingRegistrationData.getDefaultInstance())
                .build().toByteArray();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("9a0100");
    }

    @Test
    void certificatesAndDeviceIdentity() {
        assertNumbers(CertChain.getDescriptor(), "leaf", 1, "intermediate", 2);
        assertNumbers(CertChain.NoiseCertificate.getDescriptor(), "details", 1, "signature", 2);
        assertNumbers(CertChain.NoiseCertificate.Details.getDescriptor(), "serial", 1, "issuerSerial", 2, "key", 3,
                "notBefore", 4, "notAfter", 5);
        assertNumbers(ADVSignedDeviceIdentityHMAC.getDescriptor(), "details", 1, "hmac", 2, "accountType", 3);
        assertNumbers(ADVSignedDeviceIdentity.getDescriptor(), "details", 1, "accountSignatureKey", 2,
                "accountSignature", 3, "deviceSignature", 4);
        assertNumbers(ADVDeviceIdentity.getDescriptor(), "rawId", 1, "timestamp", 2, "keyIndex", 3,
                "accountType", 4, "deviceType", 5);
        assertNumbers(DeviceProps.getDescriptor(), "os", 1, "version", 2, "platformType", 3, "requireFullSync", 4,
                "historySyncConfig", 5);
        assertThat(ADVEncryptionType.HOSTED.getNumber()).isEqualTo(1);
    }

    private static void assertNumbers(Descriptor descriptor, Object... nameNumberPairs) {
        for (int i = 0; i < nameNumberPairs.length; i += 2) {
            var field = descriptor.findFieldByName((String) nameNumberPairs[i]);
            assertThat(field).as(descriptor.getName() + "." + nameNumberPairs[i]).isNotNull();
            assertThat(field.getNumber()).as(descriptor.getName() + "." + nameNumberPairs[i])
                    .isEqualTo(nameNumberPairs[i + 1]);
        }
    }
}
