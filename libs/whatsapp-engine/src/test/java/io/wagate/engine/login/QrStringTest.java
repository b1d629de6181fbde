package io.wagate.engine.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QrStringTest {

    @Test
    void formatsAndParsesTheLinkedDevicesUrl() {
        byte[] noise = filled(1);
        byte[] identity = filled(2);
        byte[] secret = filled(3);
        String text = new QrString("2@abc", noise, identity, secret, "1").format();
        assertThat(text).isEqualTo("https://wa.me/settings/linked_devices#2@abc,"
                + "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=,AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=,"
                + "AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=,1");
        QrString parsed = QrString.parse(text);
        assertThat(parsed.ref()).isEqualTo("2@abc");
        assertThat(parsed.identityPublicKey()).isEqualTo(identity);
        assertThat(parsed.platformId()).isEqualTo("1");
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> QrString.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrString.parse("r,AQ==,AQ==,AQ==,1")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
