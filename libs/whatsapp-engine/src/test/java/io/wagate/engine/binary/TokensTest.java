package io.wagate.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void singleByteDictionaryHasTheVersion3PositionsOfTheProtocol() {
        assertThat(Tokens.single(1)).isEqualTo("xmlstreamstart");
        assertThat(Tokens.single(2)).isEqualTo("xmlstreamend");
        assertThat(Tokens.single(3)).isEqualTo("s.whatsapp.net");
        assertThat(Tokens.single(25)).isEqualTo("iq");
        assertThat(Tokens.single(86)).isEqualTo("ping");
        assertThat(Tokens.single(235)).isEqualTo("screen_height");
        assertThat(Tokens.singleIndexOf("w:p")).isEqualTo(87);
        assertThat(Tokens.singleIndexOf("msgr")).isEqualTo(204);
    }

    @Test
    void doubleByteDictionariesHaveTheVersion3Positions() {
        assertThat(Tokens.doubleByte(0, 0)).isEqualTo("read-self");
        assertThat(Tokens.doubleByte(1, 0)).isEqualTo("reject");
        assertThat(Tokens.doubleByte(1, 238)).isEqualTo("pair-device");
        assertThat(Tokens.doubleByte(2, 0)).isEqualTo("64");
        assertThat(Tokens.doubleByte(3, 255)).isEqualTo("1961");
        assertThat(Tokens.doubleIndexOf("lc")).isEqualTo(256 + 240);
    }

    @Test
    void everyTokenMapsBackToItsIndex() {
        for (int i = 1; i < Tokens.SINGLE_BYTE_COUNT; i++) {
            assertThat(Tokens.singleIndexOf(Tokens.single(i))).isEqualTo(i);
        }
        for (int dictionary = 0; dictionary < Tokens.DICTIONARY_COUNT; dictionary++) {
            for (int index = 0; index < Tokens.DICTIONARY_SIZE; index++) {
                String token = Tokens.doubleByte(dictionary, index);
                assertThat(token).isNotEmpty();
                assertThat(Tokens.singleIndexOf(token)).isEqualTo(-1);
                assertThat(Tokens.doubleIndexOf(token)).isEqualTo(dictionary * 256 + index);
            }
        }
    }

    @Test
    void indexZeroAndOutOfRangeIndexesAreNotTokens() {
        assertThat(Tokens.singleIndexOf("")).isEqualTo(-1);
        assertThatThrownBy(() -> Tokens.single(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Tokens.single(236)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Tokens.doubleByte(4, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
