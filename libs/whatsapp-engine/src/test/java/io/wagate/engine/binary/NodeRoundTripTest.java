package io.wagate.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property-style: for many seeded random trees, decode(encode(node)) is the node, up to the wire's known losses. */
class NodeRoundTripTest {

    private static final int CASES = 600;
    private final NodeDecoder decoder = NodeDecoder.withDefaults();

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_261_121L})
    void randomTreesSurviveEncodeDecode(long seed) throws Exception {
        var nodes = new RandomNodes(seed);
        for (int i = 0; i < CASES; i++) {
            Node original = nodes.tree(6);
            byte[] encoded = NodeEncoder.encode(original);
            Node decoded = decoder.decode(encoded);
            assertWireEquivalent(original, decoded, "seed " + seed + " case " + i);
            assertThat(NodeEncoder.encode(decoded)).as("re-encoding is stable").isEqualTo(encoded);
            assertThat(decoder.decodeFrame(NodeEncoder.encodeFrame(original))).isEqualTo(decoded);
            assertThat(decoder.decodeFrame(NodeEncoder.encodeCompressedFrame(original))).isEqualTo(decoded);
        }
    }

    @Test
    void everyCanonicalJidStringComesBackIdentical() throws Exception {
        var nodes = new RandomNodes(7);
        for (int i = 0; i < 2000; i++) {
            String jid = nodes.jid().toString();
            Node decoded = decoder.decode(NodeEncoder.encode(Node.of("iq", Map.of("jid", jid))));
            assertThat(decoded.attribute("jid")).isEqualTo(jid);
            assertThat(Jid.parse(jid).toString()).isEqualTo(jid);
        }
    }

    @Test
    void randomStringsAsAttributesComeBackIdentical() throws Exception {
        var nodes = new RandomNodes(99);
        for (int i = 0; i < 3000; i++) {
            String value = nodes.string();
            Node decoded = decoder.decode(NodeEncoder.encode(Node.of("iq", Map.of("v", value))));
            assertThat(decoded.attribute("v")).as("value '%s'", value).isEqualTo(value);
        }
    }

    @Test
    void longListsUseList16() throws Exception {
        List<Node> children = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> Node.of("item", Map.of("id", Integer.toString(i)))).toList();
        Node list = Node.of("list", Map.of(), children);
        assertThat(decoder.decode(NodeEncoder.encode(list))).isEqualTo(list);
    }

    /** Raw-string content travels as bytes, and an empty child list is no content. */
    static void assertWireEquivalent(Node expected, Node actual, String where) {
        assertThat(actual.tag()).as(where).isEqualTo(expected.tag());
        assertThat(actual.attributes()).as(where).isEqualTo(expected.attributes());
        Object content = expected.content();
        if (content instanceof String text && actual.content() instanceof byte[] bytes) {
            assertThat(bytes).as(where).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        } else if (content instanceof List<?>) {
            List<Node> expectedChildren = expected.children();
            assertThat(actual.children()).as(where).hasSize(expectedChildren.size());
            for (int i = 0; i < expectedChildren.size(); i++) {
                assertWireEquivalent(expectedChildren.get(i), actual.children().get(i), where + "/" + i);
            }
        } else if (content instanceof byte[] bytes) {
            assertThat(actual.content()).as(where).isEqualTo(bytes);
        } else {
            assertThat(actual.content()).as(where).isEqualTo(content);
        }
    }
}
