package io.wagate.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Decoding untrusted bytes terminates quickly with MalformedNodeException and never with anything else. */
class HostileInputTest {

    private final NodeDecoder decoder = NodeDecoder.withDefaults();

    @Test
    void tenThousandRandomInputsFailCleanlyAndFast() {
        var random = new Random(1234);
        long started = System.nanoTime();
        int decodedByChance = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] input = new byte[random.nextInt(300)];
            random.nextBytes(input);
            if (random.nextBoolean() && input.length > 1) {
                input[0] = (byte) 0xF8;
            }
            decodedByChance += decodeOrMalformed(input) ? 1 : 0;
            decodedByChance += frameOrMalformed(input) ? 1 : 0;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).isLessThan(5_000);
        assertThat(decodedByChance).isLessThan(10_000);
    }

    @Test
    void everyTruncationOfValidNodesIsRejected() {
        var nodes = new RandomNodes(5);
        for (int i = 0; i < 150; i++) {
            byte[] encoded = NodeEncoder.encode(nodes.tree(4));
            int step = Math.max(1, encoded.length / 200);
            for (int cut = 0; cut < encoded.length; cut += step) {
                byte[] prefix = Arrays.copyOf(encoded, cut);
                assertThatThrownBy(() -> decoder.decode(prefix)).isInstanceOf(MalformedNodeException.class);
            }
        }
    }

    @Test
    void mutatedValidNodesNeverThrowAnythingElse() {
        var nodes = new RandomNodes(11);
        Random random = nodes.random();
        for (int i = 0; i < 3000; i++) {
            byte[] encoded = NodeEncoder.encode(nodes.tree(4));
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                encoded[random.nextInt(encoded.length)] = (byte) random.nextInt(256);
            }
            decodeOrMalformed(encoded);
        }
    }

    @Test
    void hugeDeclaredLengthsAreRejectedBeforeAllocation() {
        // <x> with BINARY_32 content of 4 GiB - 1, then nothing.
        assertMalformed("f80278feffffffff");
        // BINARY_20 of 1 MiB with 2 bytes present.
        assertMalformed("f80278fd0fffff0102");
        // LIST_16 of 65535 children with nothing behind.
        assertMalformed("f80278f9ffff");
        // A node claiming 255 attribute slots.
        assertMalformed("f8ff78");
        // Packed string of 127 bytes with one present.
        assertMalformed("f80278ff7f01");
    }

    @Test
    void deepNestingIsCappedWithoutStackOverflow() {
        int depth = 100_000;
        byte[] input = new byte[depth * 5 + 3];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(HexFormat.of().parseHex("f80219f801"), 0, input, i * 5, 5);
        }
        System.arraycopy(HexFormat.of().parseHex("f80119"), 0, input, depth * 5, 3);
        assertThatThrownBy(() -> decoder.decode(input))
                .isInstanceOf(MalformedNodeException.class).hasMessageContaining("nesting");
    }

    @Test
    void nestedJidsAreNotARecursionPath() {
        byte[] input = new byte[3 + 20_000 + 1];
        input[0] = (byte) 0xF8;
        input[1] = 2;
        input[2] = 0x19;
        Arrays.fill(input, 3, input.length - 1, (byte) 0xFA);
        input[input.length - 1] = 3;
        assertThatThrownBy(() -> decoder.decode(input)).isInstanceOf(MalformedNodeException.class);
    }

    @Test
    void nodeCountIsCapped() {
        var limited = new NodeDecoder(new NodeDecoder.Limits(64, 1000, 1 << 20));
        var children = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> Node.of("item")).toList();
        byte[] encoded = NodeEncoder.encode(Node.of("list", Map.of(), children));
        assertThatThrownBy(() -> limited.decode(encoded))
                .isInstanceOf(MalformedNodeException.class).hasMessageContaining("nodes");
    }

    @Test
    void zipBombIsStoppedAtTheInflateCap() throws Exception {
        byte[] bomb = compressedZeros(64 << 20);
        assertThat(bomb.length).isLessThan(200_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> decoder.decodeFrame(bomb))
                .isInstanceOf(MalformedNodeException.class).hasMessageContaining("exceeds");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void payloadOfExactlyTheCapIsAcceptedAndOneMoreByteIsNot() throws Exception {
        Node node = Node.of("enc", Map.of(), new byte[1000]);
        byte[] frame = NodeEncoder.encodeCompressedFrame(node);
        int size = NodeEncoder.encode(node).length;
        assertThat(new NodeDecoder(new NodeDecoder.Limits(8, 10, size)).decodeFrame(frame)).isEqualTo(node);
        assertThatThrownBy(() -> new NodeDecoder(new NodeDecoder.Limits(8, 10, size - 1)).decodeFrame(frame))
                .isInstanceOf(MalformedNodeException.class).hasMessageContaining("exceeds");
    }

    @Test
    void brokenZlibAndEmptyPayloadsAreRejected() {
        byte[] compressed = NodeEncoder.encodeCompressedFrame(Node.of("iq", Map.of("id", "1")));
        assertThatThrownBy(() -> decoder.decodeFrame(Arrays.copyOf(compressed, compressed.length - 3)))
                .isInstanceOf(MalformedNodeException.class);
        assertThatThrownBy(() -> decoder.decodeFrame(new byte[] {2, 1, 2, 3}))
                .isInstanceOf(MalformedNodeException.class);
        assertThatThrownBy(() -> decoder.decodeFrame(new byte[0])).isInstanceOf(MalformedNodeException.class);
    }

    @Test
    void trailingBytesAndEmptyTagsAreRejected() {
        assertMalformed("f8015601");
        assertMalformed("f801fc00");
        assertMalformed("f800");
        assertMalformed("00");
    }

    private void assertMalformed(String hex) {
        byte[] input = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> decoder.decode(input)).isInstanceOf(MalformedNodeException.class);
    }

    private boolean decodeOrMalformed(byte[] input) {
        try {
            decoder.decode(input);
            return true;
        } catch (MalformedNodeException expected) {
            return false;
        }
    }

    private boolean frameOrMalformed(byte[] input) {
        try {
            decoder.decodeFrame(input);
            return true;
        } catch (MalformedNodeException expected) {
            return false;
        }
    }

    private static byte[] compressedZeros(int size) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        var out = new ByteArrayOutputStream();
        out.write(2);
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (int written = 0; written < size; written += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
