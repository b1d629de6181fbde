package io.wagate.engine.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void clientWritesTheIntroHeaderOnceBeforeItsFirstFrame() {
        var codec = FrameCodec.client();
        assertThat(HexFormat.of().formatHex(codec.encode(new byte[] {1, 2}))).isEqualTo("57410603" + "000002" + "0102");
        assertThat(HexFormat.of().formatHex(codec.encode(new byte[] {3}))).isEqualTo("000001" + "03");
        assertThat(HexFormat.of().formatHex(FrameCodec.server().encode(new byte[0]))).isEqualTo("000000");
    }

    @Test
    void routingPrefixPrecedesTheIntroHeader() throws Exception {
        byte[] first = FrameCodec.client(new byte[] {9, 8}).encode(new byte[] {7});
        assertThat(HexFormat.of().formatHex(first)).isEqualTo("45440001" + "000002" + "0908" + "57410603" + "00000107");
        var decoder = FrameDecoder.forServer();
        assertThat(decoder.feed(first)).singleElement().isEqualTo(new byte[] {7});
        assertThat(decoder.routingInfo()).isEqualTo(new byte[] {9, 8});
    }

    @Test
    void decoderReassemblesSplitFramesAndSplitsMergedOnes() throws Exception {
        var random = new Random(77);
        for (int round = 0; round < 200; round++) {
            var codec = FrameCodec.client();
            var stream = new ByteArrayOutputStream();
            List<byte[]> sent = new ArrayList<>();
            int frames = 1 + random.nextInt(8);
            for (int i = 0; i < frames; i++) {
                byte[] payload = new byte[random.nextInt(4) == 0 ? random.nextInt(200_000) : random.nextInt(100)];
                random.nextBytes(payload);
                sent.add(payload);
                stream.writeBytes(codec.encode(payload));
            }
            byte[] wire = stream.toByteArray();
            var decoder = FrameDecoder.forServer();
            List<byte[]> received = new ArrayList<>();
            for (int position = 0; position < wire.length; ) {
                int chunk = Math.min(wire.length - position, 1 + random.nextInt(random.nextBoolean() ? 5 : 70_000));
                received.addAll(decoder.feed(wire, position, chunk));
                position += chunk;
            }
            assertThat(received).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(received.get(i)).isEqualTo(sent.get(i));
            }
            assertThat(decoder.hasPartialFrame()).isFalse();
        }
    }

    @Test
    void oversizedFramesAndForeignPreamblesAreRejected() throws Exception {
        var decoder = FrameDecoder.forClient(1000);
        assertThat(decoder.feed(new byte[] {0, 3})).isEmpty();
        assertThat(decoder.hasPartialFrame()).isTrue();
        assertThatThrownBy(() -> decoder.feed(new byte[] {(byte) 0xE9})).isInstanceOf(NoiseException.class);
        assertThatThrownBy(() -> FrameDecoder.forServer().feed("GET / HTTP/1.1".getBytes()))
                .isInstanceOf(NoiseException.class);
        assertThatThrownBy(() -> FrameDecoder.forServer().feed(HexFormat.of().parseHex("45440001ffffff")))
                .isInstanceOf(NoiseException.class);
        assertThatThrownBy(() -> FrameCodec.server().encode(new byte[1 << 24]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
