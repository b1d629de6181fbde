package io.wagate.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Byte-exact encodings worked out by hand from the version 3 tables. */
class NodeEncodingVectorsTest {

    private final NodeDecoder decoder = NodeDecoder.withDefaults();

    @Test
    void pingIqWithNibblePackedOddLengthId() throws Exception {
        Node ping = Node.builder("iq")
                .attribute("id", "1.2-3")
                .attribute("to", Jid.SERVER)
                .attribute("type", "get")
                .attribute("xmlns", "w:p")
                .child(Node.of("ping"))
                .build();
        // LIST_8 10 | iq | id NIBBLE_8 (3 bytes, odd) 1. 2- 3<pad> | to s.whatsapp.net | type get | xmlns w:p
        // | LIST_8 1 | LIST_8 1 ping
        assertVector(ping, "f80a19" + "08ff831b2a3f" + "1103" + "0429" + "1657" + "f801" + "f80156");
    }

    @Test
    void plainUserJidIsAJidPair() throws Exception {
        Node node = Node.of("message", Map.of("to", "123@s.whatsapp.net"));
        assertVector(node, "f80313" + "11" + "fa" + "ff82123f" + "03");
    }

    @Test
    void deviceJidsAreAdJidsWithTheirDomainByte() throws Exception {
        assertVector(Node.of("receipt", Map.of("from", "123:4@s.whatsapp.net")), "f80307" + "06" + "f70004ff82123f");
        assertVector(Node.of("receipt", Map.of("from", "123:4@lid")), "f80307" + "06" + "f70104ff82123f");
        assertVector(Node.of("receipt", Map.of("from", "123@hosted")), "f80307" + "06" + "f78000ff82123f");
        assertVector(Node.of("receipt", Map.of("from", "123:2@hosted.lid")), "f80307" + "06" + "f78102ff82123f");
    }

    @Test
    void messengerAndInteropJidsCarryTwoByteFields() throws Exception {
        // FB_JID | user "5551" (nibbles) | u16 device 1 | msgr
        assertVector(Node.of("receipt", Map.of("from", "5551:1@msgr")), "f80307" + "06" + "f6ff025551" + "0001" + "cc");
        // INTEROP_JID | user "3456" (nibbles) | u16 device 5 | u16 integrator 12 | "interop" raw
        assertVector(Node.of("receipt", Map.of("from", "12-3456:5@interop")),
                "f80307" + "06" + "f5ff023456" + "0005" + "000c" + "fc07696e7465726f70");
    }

    @Test
    void nonCanonicalJidTextStaysRawSoItDecodesUnchanged() throws Exception {
        assertVector(Node.of("iq", Map.of("to", "123:0@s.whatsapp.net")),
                "f80319" + "11" + "fc14" + hex("123:0@s.whatsapp.net".getBytes()));
    }

    @Test
    void groupJidPacksItsUserAsNibbles() throws Exception {
        // "123-456" = 1 2 3 - 4 5 6 <pad>: four bytes, odd flag.
        assertVector(Node.of("message", Map.of("to", "123-456@g.us")), "f80313" + "11" + "faff84123a456f1c");
    }

    @Test
    void hexPackingAndDoubleByteTokensAndRawStrings() throws Exception {
        assertVector(Node.of("iq", Map.of("hash", "ABCDEF01")), "f80319" + "5f" + "fb04abcdef01");
        assertVector(Node.of("iq", Map.of("hash", "ABC")), "f80319" + "5f" + "fb82abcf");
        assertVector(Node.of("iq", Map.of("type", "read-self")), "f80319" + "04" + "ec00");
        assertVector(Node.of("iq", Map.of("type", "pair-device")), "f80319" + "04" + "edee");
        assertVector(Node.of("iq", Map.of("type", "hello")), "f80319" + "04" + "fc0568656c6c6f");
    }

    @Test
    void byteContentUsesTheSmallestLengthForm() throws Exception {
        assertThat(hex(NodeEncoder.encode(Node.of("enc", Map.of(), new byte[] {1, 2})))).isEqualTo("f8021dfc020102");
        byte[] medium = new byte[300];
        assertThat(hex(NodeEncoder.encode(Node.of("enc", Map.of(), medium)))).startsWith("f8021dfd00012c");
        byte[] large = new byte[(1 << 20) + 1];
        assertThat(hex(NodeEncoder.encode(Node.of("enc", Map.of(), large)))).startsWith("f8021dfe00100001");
        assertThat(decoder.decode(NodeEncoder.encode(Node.of("enc", Map.of(), large)))
                .contentBytes()).hasSize((1 << 20) + 1);
    }

    @Test
    void framePayloadStartsWithTheFlagByte() {
        assertThat(hex(NodeEncoder.encodeFrame(Node.of("ping")))).isEqualTo("00f80156");
    }

    private void assertVector(Node node, String expectedHex) throws MalformedNodeException {
        byte[] encoded = NodeEncoder.encode(node);
        assertThat(hex(encoded)).isEqualTo(expectedHex);
        assertThat(decoder.decode(encoded)).isEqualTo(node);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
