package io.wagate.engine.binary;

import static io.wagate.engine.binary.WireTags.AD_JID;
import static io.wagate.engine.binary.WireTags.BINARY_20;
import static io.wagate.engine.binary.WireTags.BINARY_32;
import static io.wagate.engine.binary.WireTags.BINARY_8;
import static io.wagate.engine.binary.WireTags.DICTIONARY_0;
import static io.wagate.engine.binary.WireTags.DICTIONARY_3;
import static io.wagate.engine.binary.WireTags.FB_JID;
import static io.wagate.engine.binary.WireTags.FLAG_COMPRESSED;
import static io.wagate.engine.binary.WireTags.HEX_8;
import static io.wagate.engine.binary.WireTags.INTEROP_JID;
import static io.wagate.engine.binary.WireTags.JID_PAIR;
import static io.wagate.engine.binary.WireTags.LIST_16;
import static io.wagate.engine.binary.WireTags.LIST_8;
import static io.wagate.engine.binary.WireTags.LIST_EMPTY;
import static io.wagate.engine.binary.WireTags.NIBBLE_8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Decodes WABinary version 3 from untrusted bytes. Thread-safe; one instance can serve every connection.
 *
 * <p>Defences: each declared length is compared with the bytes that remain before anything is allocated; list sizes
 * are bounded by the smallest possible encoding of their elements; nesting depth and node count are capped, and JID
 * parts cannot nest, so recursion stays shallow; inflated payloads are capped. The result is that decoding fails fast
 * and allocates at most a small multiple of its input.
 */
public final class NodeDecoder {

    private static final int MIN_NODE_BYTES = 3;
    private static final int MIN_ATTRIBUTE_BYTES = 2;

    private final Limits limits;

    public NodeDecoder(Limits limits) {
        this.limits = limits;
    }

    public static NodeDecoder withDefaults() {
        return new NodeDecoder(Limits.DEFAULT);
    }

    public Limits limits() {
        return limits;
    }

    /** Decodes a node that must span exactly the given bytes. */
    public Node decode(byte[] bytes) throws MalformedNodeException {
        return decode(bytes, 0, bytes.length);
    }

    public Node decode(byte[] bytes, int offset, int length) throws MalformedNodeException {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException("range outside the array");
        }
        var input = new Input(bytes, offset, offset + length, limits);
        Node node = input.readNode(1);
        if (input.position != input.end) {
            throw new MalformedNodeException((input.end - input.position) + " trailing bytes after the node");
        }
        return node;
    }

    /** Decodes a decrypted frame payload: one flag byte (bit 2 = zlib-compressed), then the node. */
    public Node decodeFrame(byte[] payload) throws MalformedNodeException {
        if (payload.length == 0) {
            throw new MalformedNodeException("empty frame payload");
        }
        if ((payload[0] & FLAG_COMPRESSED) != 0) {
            byte[] inflated = inflate(payload, 1, payload.length - 1, limits.maxInflatedBytes());
            return decode(inflated);
        }
        return decode(payload, 1, payload.length - 1);
    }

    /** zlib (RFC 1950) inflate that grows its buffer step by step and stops at the cap, so bombs cost little. */
    static byte[] inflate(byte[] data, int offset, int length, int maxOutput) throws MalformedNodeException {
        var inflater = new Inflater(false);
        try {
            inflater.setInput(data, offset, length);
            byte[] out = new byte[Math.max(64, Math.min(maxOutput, length * 4))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    // A stream of exactly the cap may still owe its trailer: one probe byte tells the two apart.
                    if (out.length >= maxOutput) {
                        if (inflater.inflate(new byte[1]) == 0 && inflater.finished()) {
                            break;
                        }
                        throw new MalformedNodeException("inflated payload exceeds " + maxOutput + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxOutput, out.length * 2L));
                }
                int produced = inflater.inflate(out, size, out.length - size);
                if (produced == 0 && !inflater.finished()) {
                    // With output space left, zero progress means the stream cannot continue; never spin on it.
                    throw new MalformedNodeException("truncated or dictionary-bound zlib stream");
                }
                size += produced;
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new MalformedNodeException("invalid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Decoder limits.
     *
     * @param maxDepth deepest allowed node nesting (the root is depth 1)
     * @param maxNodes most nodes in one payload
     * @param maxInflatedBytes largest zlib output of one frame payload
     */
    public record Limits(int maxDepth, int maxNodes, int maxInflatedBytes) {

        /** Generous for real traffic (stanzas nest a handful of levels; large data travels as bytes). */
        public static final Limits DEFAULT = new Limits(64, 200_000, 16 << 20);

        public Limits {
            if (maxDepth < 1 || maxNodes < 1 || maxInflatedBytes < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** Cursor over the input; one per decode call. */
    private static final class Input {

        private final byte[] data;
        private final int end;
        private final Limits limits;
        private int position;
        private int nodes;

        Input(byte[] data, int start, int end, Limits limits) {
            this.data = data;
            this.position = start;
            this.end = end;
            this.limits = limits;
        }

        private int remaining() {
            return end - position;
        }

        private MalformedNodeException malformed(String message) {
            return new MalformedNodeException(message + " at offset " + position);
        }

        private int u8() throws MalformedNodeException {
            if (position >= end) {
                throw malformed("unexpected end of input");
            }
            return data[position++] & 0xFF;
        }

        private int u16() throws MalformedNodeException {
            require(2);
            int value = (data[position] & 0xFF) << 8 | (data[position + 1] & 0xFF);
            position += 2;
            return value;
        }

        private void require(long count) throws MalformedNodeException {
            if (count > remaining()) {
                throw malformed("declared length " + count + " exceeds the " + remaining() + " remaining bytes");
            }
        }

        private byte[] bytes(long count) throws MalformedNodeException {
            require(count);
            byte[] out = Arrays.copyOfRange(data, position, position + (int) count);
            position += (int) count;
            return out;
        }

        private long binaryLength(int tag) throws MalformedNodeException {
            return switch (tag) {
                case BINARY_8 -> u8();
                case BINARY_20 -> {
                    require(3);
                    long value = (data[position] & 0x0FL) << 16 | (data[position + 1] & 0xFFL) << 8
                            | (data[position + 2] & 0xFFL);
                    position += 3;
                    yield value;
                }
                default -> {
                    require(4);
                    long value = (data[position] & 0xFFL) << 24 | (data[position + 1] & 0xFFL) << 16
                            | (data[position + 2] & 0xFFL) << 8 | (data[position + 3] & 0xFFL);
                    position += 4;
                    yield value;
                }
            };
        }

        private int listSize(int tag) throws MalformedNodeException {
            return switch (tag) {
                case LIST_EMPTY -> 0;
                case LIST_8 -> u8();
                case LIST_16 -> u16();
                default -> throw malformed("expected a list tag, got " + tag);
            };
        }

        Node readNode(int depth) throws MalformedNodeException {
            if (depth > limits.maxDepth()) {
                throw malformed("nesting deeper than " + limits.maxDepth());
            }
            if (++nodes > limits.maxNodes()) {
                throw malformed("more than " + limits.maxNodes() + " nodes");
            }
            int size = listSize(u8());
            if (size == 0) {
                throw malformed("node with an empty list header");
            }
            String tag = readRequiredString("node tag");
            if (tag.isEmpty()) {
                throw malformed("empty node tag");
            }
            int attributeCount = (size - 1) >> 1;
            require((long) attributeCount * MIN_ATTRIBUTE_BYTES);
            Map<String, String> attributes =
                    attributeCount == 0 ? Map.of() : LinkedHashMap.newLinkedHashMap(attributeCount);
            for (int i = 0; i < attributeCount; i++) {
                String key = readRequiredString("attribute name");
                String value = readString(u8());
                attributes.put(key, value == null ? "" : value);
            }
            Object content = (size & 1) == 0 ? readContent(depth) : null;
            return Node.trusted(tag, attributes, content);
        }

        private @Nullable Object readContent(int depth) throws MalformedNodeException {
            int tag = u8();
            return switch (tag) {
                case LIST_EMPTY -> null;
                case LIST_8, LIST_16 -> readChildren(listSize(tag), depth);
                case BINARY_8, BINARY_20, BINARY_32 -> bytes(binaryLength(tag));
                default -> readString(tag);
            };
        }

        private List<Node> readChildren(int count, int depth) throws MalformedNodeException {
            require((long) count * MIN_NODE_BYTES);
            List<Node> children = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                children.add(readNode(depth + 1));
            }
            return children;
        }

        private String readRequiredString(String what) throws MalformedNodeException {
            String value = readString(u8());
            if (value == null) {
                throw malformed(what + " is missing");
            }
            return value;
        }

        /** A string in any form, including JIDs; {@code null} for LIST_EMPTY. */
        private @Nullable String readString(int tag) throws MalformedNodeException {
            return switch (tag) {
                case JID_PAIR -> readJidPair();
                case AD_JID -> readAdJid();
                case FB_JID -> readFbJid();
                case INTEROP_JID -> readInteropJid();
                default -> readPlainString(tag);
            };
        }

        /** A string that is not a JID: JID parts use this, which keeps JIDs from nesting. */
        private @Nullable String readPlainString(int tag) throws MalformedNodeException {
            if (tag >= 1 && tag < Tokens.SINGLE_BYTE_COUNT) {
                return Tokens.single(tag);
            }
            return switch (tag) {
                case LIST_EMPTY -> null;
                case BINARY_8, BINARY_20, BINARY_32 ->
                        new String(bytes(binaryLength(tag)), StandardCharsets.UTF_8);
                case NIBBLE_8, HEX_8 -> readPacked(tag);
                default -> {
                    if (tag >= DICTIONARY_0 && tag <= DICTIONARY_3) {
                        yield Tokens.doubleByte(tag - DICTIONARY_0, u8());
                    }
                    throw malformed("tag " + tag + " is not a string");
                }
            };
        }

        private String readJidPart(String what) throws MalformedNodeException {
            String value = readPlainString(u8());
            if (value == null) {
                throw malformed("JID " + what + " is missing");
            }
            return value;
        }

        private String readJidPair() throws MalformedNodeException {
            String user = readPlainString(u8());
            String server = readJidPart("server");
            if (server.isEmpty()) {
                throw malformed("JID with an empty server");
            }
            return user == null || user.isEmpty() ? server : user + "@" + server;
        }

        private String readAdJid() throws MalformedNodeException {
            int domain = u8();
            int device = u8();
            String user = readJidPart("user");
            return Jid.fromAdDomain(sanitizedUser(user), domain, device).toString();
        }

        private String readFbJid() throws MalformedNodeException {
            String user = readJidPart("user");
            int device = u16();
            String server = readJidPart("server");
            if (!server.equals(Jid.MESSENGER_SERVER)) {
                throw malformed("FB JID on server '" + server + "'");
            }
            return new Jid(sanitizedUser(user), 0, device, 0, server).toString();
        }

        private String readInteropJid() throws MalformedNodeException {
            String user = readJidPart("user");
            int device = u16();
            int integrator = u16();
            String server = readJidPart("server");
            if (!server.equals(Jid.INTEROP_SERVER)) {
                throw malformed("interop JID on server '" + server + "'");
            }
            return new Jid(sanitizedUser(user), 0, device, integrator, server).toString();
        }

        private String sanitizedUser(String user) throws MalformedNodeException {
            if (user.indexOf('@') >= 0) {
                throw malformed("JID user contains '@'");
            }
            return user;
        }

        private String readPacked(int type) throws MalformedNodeException {
            int header = u8();
            int byteCount = header & 0x7F;
            boolean odd = (header & 0x80) != 0;
            require(byteCount);
            int length = byteCount * 2 - (odd ? 1 : 0);
            if (length < 0) {
                throw malformed("odd packed string without bytes");
            }
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                int b = data[position + (i >> 1)] & 0xFF;
                int value = (i & 1) == 0 ? b >>> 4 : b & 0x0F;
                int c = Packing.unpack(type, value);
                if (c < 0) {
                    throw malformed("invalid packed value " + value);
                }
                chars[i] = (char) c;
            }
            position += byteCount;
            return new String(chars);
        }
    }
}
