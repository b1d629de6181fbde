package io.wagate.engine.binary;

/** Tag bytes of WABinary version 3 that are not dictionary tokens. */
final class WireTags {

    static final int LIST_EMPTY = 0;
    static final int DICTIONARY_0 = 236;
    static final int DICTIONARY_3 = 239;
    static final int INTEROP_JID = 245;
    static final int FB_JID = 246;
    static final int AD_JID = 247;
    static final int LIST_8 = 248;
    static final int LIST_16 = 249;
    static final int JID_PAIR = 250;
    static final int HEX_8 = 251;
    static final int BINARY_8 = 252;
    static final int BINARY_20 = 253;
    static final int BINARY_32 = 254;
    static final int NIBBLE_8 = 255;

    /** Longest string that may be nibble- or hex-packed: the length byte keeps its top bit for the odd flag. */
    static final int PACKED_MAX = 127;

    /** Frame payload flag bit: the rest of the payload is zlib-compressed. */
    static final int FLAG_COMPRESSED = 2;

    private WireTags() {
    }
}
