package io.wagate.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void defaultsTargetWhatsApp() {
        EngineConfig config = EngineConfig.builder().build();
        assertThat(config.endpoint()).isEqualTo(EngineConfig.WHATSAPP_ENDPOINT);
        assertThat(HexFormat.of().formatHex(config.rootPublicKey())).isEqualTo(EngineConfig.WHATSAPP_ROOT_KEY_HEX);
        assertThat(config.firstQrTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.nextQrTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.versionParts()).containsExactly(2, 3000, 1035194821);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> EngineConfig.builder().clientVersion("2.2412.54").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineConfig.builder().rootPublicKey(new byte[31]).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineConfig.builder().keepAlive(Duration.ZERO, Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootKeyCannotBeChangedFromOutside() {
        byte[] key = new byte[32];
        EngineConfig config = EngineConfig.builder().rootPublicKey(key).build();
        key[0] = 1;
        config.rootPublicKey()[1] = 1;
        assertThat(config.rootPublicKey()).containsOnly(0);
        assertThat(config.toBuilder().build()).isNotNull();
    }
}
