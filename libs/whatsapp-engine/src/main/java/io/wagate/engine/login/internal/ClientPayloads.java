package io.wagate.engine.login.internal;

import com.google.protobuf.ByteString;
import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.proto.ClientPayload;
import io.wagate.engine.proto.DeviceProps;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.LinkedAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Builds the ClientPayload sent inside ClientFinish: registration for a new device, login for a linked one. */
public final class ClientPayloads {

    private ClientPayloads() {
    }

    public static ClientPayload registration(EngineConfig config, Credentials credentials) {
        int[] version = config.versionParts();
        DeviceProps props = DeviceProps.newBuilder()
                .setOs(config.deviceName())
                .setVersion(DeviceProps.AppVersion.newBuilder().setPrimary(0).setSecondary(1).setTertiary(0))
                .setPlatformType(DeviceProps.PlatformType.forNumber(config.platform().devicePropsType()))
                .setRequireFullSync(false)
                .build();
        ClientPayload.DevicePairingRegistrationData pairing = ClientPayload.DevicePairingRegistrationData.newBuilder()
                .setERegid(ByteString.copyFrom(bigEndian(credentials.registrationId(), 4)))
                .setEKeytype(ByteString.copyFrom(new byte[] {5}))
                .setEIdent(ByteString.copyFrom(credentials.identityKey().publicKey()))
                .setESkeyId(ByteString.copyFrom(bigEndian(credentials.signedPreKey().id(), 3)))
                .setESkeyVal(ByteString.copyFrom(credentials.signedPreKey().keyPair().publicKey()))
                .setESkeySig(ByteString.copyFrom(credentials.signedPreKey().signature()))
                .setBuildHash(ByteString.copyFrom(md5(config.clientVersion())))
                .setDeviceProps(props.toByteString())
                .build();
        return common(config, version)
                .setPassive(false)
                .setPull(false)
                .setDevicePairingData(pairing)
                .build();
    }

    public static ClientPayload login(EngineConfig config, Credentials credentials) {
        LinkedAccount account = credentials.account();
        if (account == null) {
            throw new IllegalStateException("login needs a linked account");
        }
        return common(config, config.versionParts())
                .setUsername(Long.parseUnsignedLong(account.phoneNumber()))
                .setDevice(account.deviceId())
                .setPassive(true)
                .setPull(true)
                .setLidDbMigrated(true)
                .setLc(1)
                .build();
    }

    private static ClientPayload.Builder common(EngineConfig config, int[] version) {
        ClientPayload.Builder builder = ClientPayload.newBuilder()
                .setUserAgent(ClientPayload.UserAgent.newBuilder()
                        .setPlatform(ClientPayload.UserAgent.Platform.WEB)
                        .setAppVersion(ClientPayload.UserAgent.AppVersion.newBuilder()
                                .setPrimary(version[0]).setSecondary(version[1]).setTertiary(version[2]))
                        .setMcc("000")
                        .setMnc("000")
                        .setOsVersion("0.1")
                        .setManufacturer("")
                        .setDevice("Desktop")
                        .setOsBuildNumber("0.1")
                        .setReleaseChannel(ClientPayload.UserAgent.ReleaseChannel.RELEASE)
                        .setLocaleLanguageIso6391("en")
                        .setLocaleCountryIso31661Alpha2("US"))
                .setWebInfo(ClientPayload.WebInfo.newBuilder()
                        .setWebSubPlatform(ClientPayload.WebInfo.WebSubPlatform.WEB_BROWSER))
                .setConnectType(ClientPayload.ConnectType.WIFI_UNKNOWN)
                .setConnectReason(ClientPayload.ConnectReason.USER_ACTIVATED);
        if (!config.pushName().isEmpty()) {
            builder.setPushName(config.pushName());
        }
        return builder;
    }

    static byte[] bigEndian(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JDK", e);
        }
    }
}
