package io.wagate.engine.login.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.EngineConfig;
import io.wagate.engine.crypto.Hashes;
import io.wagate.engine.proto.ClientPayload;
import io.wagate.engine.proto.DeviceProps;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.LinkedAccount;
import org.junit.jupiter.api.Test;

class ClientPayloadsTest {

    private final EngineConfig config = EngineConfig.builder().clientVersion("2.3000.1045649367")
            .pushName("Shop").build();

    @Test
    void registrationCarriesThePairingData() throws Exception {
        Credentials credentials = Credentials.fresh();
        ClientPayload payload = ClientPayloads.registration(config, credentials);
        assertThat(payload.getPassive()).isFalse();
        assertThat(payload.getUserAgent().getPlatform()).isEqualTo(ClientPayload.UserAgent.Platform.WEB);
        assertThat(payload.getUserAgent().getAppVersion().getTertiary()).isEqualTo(1045649367);
        assertThat(payload.getPushName()).isEqualTo("Shop");
        ClientPayload.DevicePairingRegistrationData data = payload.getDevicePairingData();
        byte[] regId = data.getERegid().toByteArray();
        assertThat(regId).hasSize(4);
        assertThat(((regId[2] & 0xFF) << 8) | (regId[3] & 0xFF)).isEqualTo(credentials.registrationId());
        assertThat(data.getEKeytype().toByteArray()).containsExactly(5);
        assertThat(data.getESkeyId().toByteArray()).containsExactly(0, 0, 1);
        assertThat(data.getEIdent().toByteArray()).isEqualTo(credentials.identityKey().publicKey());
        assertThat(data.getBuildHash().toByteArray()).isEqualTo(Hashes.buildHash("2.3000.1045649367"));
        DeviceProps props = DeviceProps.parseFrom(data.getDeviceProps());
        assertThat(props.getOs()).isEqualTo("WaGate");
        assertThat(props.getPlatformType()).isEqualTo(DeviceProps.PlatformType.CHROME);
    }

    @Test
    void loginNamesTheLinkedDevice() {
        Credentials linked = Credentials.fresh().withAccount(new LinkedAccount("4915112345678:12@s.whatsapp.net",
                null, new byte[0], new byte[32], 12, null, null));
        ClientPayload payload = ClientPayloads.login(config, linked);
        assertThat(payload.getUsername()).isEqualTo(4915112345678L);
        assertThat(payload.getDevice()).isEqualTo(12);
        assertThat(payload.getPassive()).isTrue();
        assertThat(payload.getPull()).isTrue();
        assertThat(payload.hasDevicePairingData()).isFalse();
    }
}
