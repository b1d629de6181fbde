package io.wagate.engine.binary;

import static io.wagate.engine.binary.WireTags.NIBBLE_8;
import static io.wagate.engine.binary.WireTags.PACKED_MAX;

/** The two 4-bit alphabets of packed strings: nibble (0-9, '-', '.') and upper-case hex. */
final class Packing {

    /** Filler of the last half byte of an odd-length packed string. */
    static final int PAD = 15;

    private Packing() {
    }

    static boolean isNibble(String text) {
        if (text.isEmpty() || text.length() > PACKED_MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    static boolean isHex(String text) {
        if (text.isEmpty() || text.length() > PACKED_MAX) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'A' || c > 'F')) {
                return false;
            }
        }
        return true;
    }

    static int pack(int type, char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (type == NIBBLE_8) {
            return c == '-' ? 10 : 11;
        }
        return c - 'A' + 10;
    }

    /** The character for a 4-bit value, or -1 if the value is not part of the alphabet. */
    static int unpack(int type, int value) {
        if (value < 10) {
            return '0' + value;
        }
        if (type == NIBBLE_8) {
            return switch (value) {
                case 10 -> '-';
                case 11 -> '.';
                default -> -1;
            };
        }
        return 'A' + value - 10;
    }
}
