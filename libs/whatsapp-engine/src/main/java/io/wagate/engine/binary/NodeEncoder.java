package io.wagate.engine.binary;

import static io.wagate.engine.binary.WireTags.AD_JID;
import static io.wagate.engine.binary.WireTags.BINARY_20;
import static io.wagate.engine.binary.WireTags.BINARY_32;
import static io.wagate.engine.binary.WireTags.BINARY_8;
import static io.wagate.engine.binary.WireTags.DICTIONARY_0;
import static io.wagate.engine.binary.WireTags.FB_JID;
import static io.wagate.engine.binary.WireTags.FLAG_COMPRESSED;
import static io.wagate.engine.binary.WireTags.HEX_8;
import static io.wagate.engine.binary.WireTags.INTEROP_JID;
import static io.wagate.engine.binary.WireTags.JID_PAIR;
import static io.wagate.engine.binary.WireTags.LIST_16;
import static io.wagate.engine.binary.WireTags.LIST_8;
import static io.wagate.engine.binary.WireTags.LIST_EMPTY;
import static io.wagate.engine.binary.WireTags.NIBBLE_8;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes nodes to WABinary version 3. Strings are written in the cheapest form that round-trips: single-byte token,
 * double-byte token, nibble-packed (digits, '-', '.'), hex-packed (0-9, A-F), JID (only strings in canonical
 * {@link Jid#toString()} form, so that decoding yields the identical string), otherwise raw UTF-8. Stateless and
 * thread-safe.
 */
public final class NodeEncoder {

    private static final int MAX_LIST_SIZE = 0xFFFF;

    private NodeEncoder() {
    }

    /** The node's bytes, without the frame flag byte. */
    public static byte[] encode(Node node) {
        var out = new Output(256);
        out.writeNode(node);
        return out.toByteArray();
    }

    /** A decrypted-frame payload: flag byte 0 (uncompressed) followed by the node. */
    public static byte[] encodeFrame(Node node) {
        var out = new Output(256);
        out.write(0);
        out.writeNode(node);
        return out.toByteArray();
    }

    /** A frame payload with the compression flag and a zlib (RFC 1950) stream of the node, as the server may send. */
    public static byte[] encodeCompressedFrame(Node node) {
        byte[] plain = encode(node);
        var bytes = new ByteArrayOutputStream(plain.length / 2 + 16);
        bytes.write(FLAG_COMPRESSED);
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
        try (var zlib = new DeflaterOutputStream(bytes, deflater)) {
            zlib.write(plain);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("in-memory deflate failed", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** A growable buffer with the WABinary writers; one per encode call. */
    private static final class Output {

        private byte[] buffer;
        private int length;

        Output(int capacity) {
            buffer = new byte[capacity];
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, length);
        }

        void write(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void ensure(int extra) {
            if (length + extra > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
            }
        }

        void writeNode(Node node) {
            Map<String, String> attributes = node.attributes();
            Object content = node.rawContent();
            writeListStart(2 * attributes.size() + 1 + (content == null ? 0 : 1));
            writeString(node.tag());
            for (var attribute : attributes.entrySet()) {
                writeString(attribute.getKey());
                writeString(attribute.getValue());
            }
            switch (content) {
                case null -> { }
                case byte[] bytes -> writeBytes(bytes);
                case String text -> writeString(text);
                case List<?> children -> {
                    writeListStart(children.size());
                    for (Object child : children) {
                        writeNode((Node) child);
                    }
                }
                default -> throw new IllegalStateException("unexpected node content " + content.getClass());
            }
        }

        void writeListStart(int size) {
            if (size == 0) {
                write(LIST_EMPTY);
            } else if (size < 256) {
                write(LIST_8);
                write(size);
            } else if (size <= MAX_LIST_SIZE) {
                write(LIST_16);
                write(size >>> 8);
                write(size);
            } else {
                throw new IllegalArgumentException("list too long for WABinary: " + size);
            }
        }

        void writeBytes(byte[] bytes) {
            writeLength(bytes.length);
            write(bytes);
        }

        void writeLength(int size) {
            if (size < 256) {
                write(BINARY_8);
                write(size);
            } else if (size < (1 << 20)) {
                write(BINARY_20);
                write((size >>> 16) & 0x0F);
                write(size >>> 8);
                write(size);
            } else {
                write(BINARY_32);
                write(size >>> 24);
                write(size >>> 16);
                write(size >>> 8);
                write(size);
            }
        }

        void writeString(String text) {
            int single = Tokens.singleIndexOf(text);
            if (single >= 0) {
                write(single);
                return;
            }
            int dual = Tokens.doubleIndexOf(text);
            if (dual >= 0) {
                write(DICTIONARY_0 + (dual >>> 8));
                write(dual & 0xFF);
            } else if (Packing.isNibble(text)) {
                writePacked(text, NIBBLE_8);
            } else if (Packing.isHex(text)) {
                writePacked(text, HEX_8);
            } else if (!tryWriteJid(text)) {
                writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
        }

        private void writePacked(String text, int type) {
            write(type);
            int pairs = text.length() / 2;
            boolean odd = (text.length() & 1) != 0;
            write((pairs + (odd ? 1 : 0)) | (odd ? 0x80 : 0));
            for (int i = 0; i < pairs; i++) {
                write(Packing.pack(type, text.charAt(2 * i)) << 4 | Packing.pack(type, text.charAt(2 * i + 1)));
            }
            if (odd) {
                write(Packing.pack(type, text.charAt(text.length() - 1)) << 4 | Packing.PAD);
            }
        }

        private boolean tryWriteJid(String text) {
            if (text.indexOf('@') < 0) {
                return false;
            }
            Jid jid = Jid.tryParse(text).orElse(null);
            if (jid == null || !jid.toString().equals(text)) {
                return false;
            }
            return writeJid(jid);
        }

        private boolean writeJid(Jid jid) {
            String server = jid.server();
            boolean adServer = server.equals(Jid.USER_SERVER) || server.equals(Jid.LID_SERVER);
            boolean hosted = server.equals(Jid.HOSTED_SERVER) || server.equals(Jid.HOSTED_LID_SERVER);
            if ((adServer && (jid.device() > 0 || jid.agent() > 0)) || hosted) {
                int domain = jid.adDomain();
                boolean ambiguousAgent = jid.agent() != 0 && (domain == Jid.DOMAIN_LID
                        || domain == Jid.DOMAIN_HOSTED || domain == Jid.DOMAIN_HOSTED_LID);
                if (jid.device() > 255 || ambiguousAgent || (jid.agent() != 0 && !server.equals(Jid.USER_SERVER))) {
                    return false;
                }
                write(AD_JID);
                write(domain);
                write(jid.device());
                writeString(jid.user());
            } else if (server.equals(Jid.MESSENGER_SERVER)) {
                write(FB_JID);
                writeString(jid.user());
                write(jid.device() >>> 8);
                write(jid.device());
                writeString(server);
            } else if (server.equals(Jid.INTEROP_SERVER)) {
                write(INTEROP_JID);
                writeString(jid.user());
                write(jid.device() >>> 8);
                write(jid.device());
                write(jid.integrator() >>> 8);
                write(jid.integrator());
                writeString(server);
            } else {
                // A JID pair has no device or agent field; such strings stay raw rather than lose a part.
                if (jid.agent() != 0 || jid.device() != 0) {
                    return false;
                }
                write(JID_PAIR);
                if (jid.user().isEmpty()) {
                    write(LIST_EMPTY);
                } else {
                    writeString(jid.user());
                }
                writeString(server);
            }
            return true;
        }
    }
}
