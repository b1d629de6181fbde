package io.wagate.engine.binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One immutable stanza of WhatsApp's binary XML: a tag, ordered string attributes and optional content, which is
 * either a list of child nodes, raw bytes or a string.
 *
 * <p>Wire facts that show through: attribute values are strings (JIDs travel as their string form and are packed by
 * the encoder); string content that is no token, packed number or JID goes over the wire as raw bytes and therefore
 * comes back from the decoder as {@code byte[]} ({@link #contentString()} reads both); an empty child list is the
 * same as no content.
 */
public final class Node {

    private final String tag;
    private final Map<String, String> attributes;
    private final @Nullable Object content;

    private Node(String tag, Map<String, String> attributes, @Nullable Object content) {
        this.tag = tag;
        this.attributes = attributes;
        this.content = content;
    }

    /** A node without attributes and content, e.g. {@code <ping/>}. */
    public static Node of(String tag) {
        return of(tag, Map.of());
    }

    public static Node of(String tag, Map<String, String> attributes) {
        return create(tag, attributes, null);
    }

    public static Node of(String tag, Map<String, String> attributes, List<Node> children) {
        return create(tag, attributes, List.copyOf(children));
    }

    public static Node of(String tag, Map<String, String> attributes, byte[] content) {
        return create(tag, attributes, content.clone());
    }

    public static Node of(String tag, Map<String, String> attributes, String content) {
        return create(tag, attributes, content);
    }

    public static Builder builder(String tag) {
        return new Builder(tag);
    }

    /** For the decoder: the collections are fresh and owned by the node, so they are wrapped, not copied. */
    static Node trusted(String tag, Map<String, String> attributes, @Nullable Object content) {
        Object normalized = content instanceof List<?> list && list.isEmpty() ? null : content;
        Map<String, String> attrs = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(attributes);
        Object wrapped = normalized instanceof List<?> list ? Collections.unmodifiableList(list) : normalized;
        return new Node(tag, attrs, wrapped);
    }

    private static Node create(String tag, Map<String, String> attributes, @Nullable Object content) {
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("node tag must not be empty");
        }
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.forEach((key, value) -> {
            Objects.requireNonNull(value, () -> "attribute " + key + " of <" + tag + "> is null");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("attribute name must not be empty in <" + tag + ">");
            }
        });
        return trusted(tag, copy, content);
    }

    public String tag() {
        return tag;
    }

    /** Unmodifiable, in insertion (wire) order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public @Nullable String attribute(String name) {
        return attributes.get(name);
    }

    public Optional<String> optionalAttribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The attribute parsed as a JID, if present and valid. */
    public Optional<Jid> jidAttribute(String name) {
        String value = attributes.get(name);
        return value == null ? Optional.empty() : Jid.tryParse(value);
    }

    /** {@code null}, an unmodifiable {@code List<Node>}, a {@code byte[]} (a copy) or a {@code String}. */
    public @Nullable Object content() {
        return content instanceof byte[] bytes ? bytes.clone() : content;
    }

    public boolean hasContent() {
        return content != null;
    }

    /** The child nodes; empty when the content is not a list. */
    @SuppressWarnings("unchecked")
    public List<Node> children() {
        return content instanceof List<?> list ? (List<Node>) list : List.of();
    }

    public List<Node> children(String childTag) {
        return children().stream().filter(child -> child.tag.equals(childTag)).toList();
    }

    /** The first child with the tag. */
    public Optional<Node> child(String childTag) {
        for (Node child : children()) {
            if (child.tag.equals(childTag)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Byte content, or the UTF-8 bytes of string content; {@code null} for no content or children. */
    public byte @Nullable [] contentBytes() {
        if (content instanceof byte[] bytes) {
            return bytes.clone();
        }
        return content instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
    }

    /** String content, or byte content read as UTF-8; {@code null} for no content or children. */
    public @Nullable String contentString() {
        if (content instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return content instanceof String text ? text : null;
    }

    /** Read-only access for the encoder, which must not pay for a defensive copy of large payloads. */
    @Nullable Object rawContent() {
        return content;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Node that) || !tag.equals(that.tag) || !attributes.equals(that.attributes)) {
            return false;
        }
        if (content instanceof byte[] mine && that.content instanceof byte[] theirs) {
            return Arrays.equals(mine, theirs);
        }
        return Objects.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        int contentHash = content instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(content);
        return (tag.hashCode() * 31 + attributes.hashCode()) * 31 + contentHash;
    }

    /** XML-like rendering for logs; long byte content is abbreviated. */
    @Override
    public String toString() {
        var out = new StringBuilder();
        appendTo(out, 0);
        return out.toString();
    }

    private void appendTo(StringBuilder out, int indent) {
        out.append(" ".repeat(indent)).append('<').append(tag);
        attributes.forEach((key, value) -> out.append(' ').append(key).append("=\"").append(value).append('"'));
        switch (content) {
            case null -> out.append("/>");
            case List<?> list -> {
                out.append(">\n");
                for (Object child : list) {
                    ((Node) child).appendTo(out, indent + 2);
                    out.append('\n');
                }
                out.append(" ".repeat(indent)).append("</").append(tag).append('>');
            }
            case byte[] bytes -> {
                String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
                out.append('>').append(hex).append(bytes.length > 64 ? "...(" + bytes.length + " bytes)" : "")
                        .append("</").append(tag).append('>');
            }
            default -> out.append('>').append(content).append("</").append(tag).append('>');
        }
    }

    /** Fluent construction: {@code Node.builder("iq").attribute("type", "get").child(Node.of("ping")).build()}. */
    public static final class Builder {

        private final String tag;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private @Nullable List<Node> children;
        private @Nullable Object content;

        private Builder(String tag) {
            this.tag = tag;
        }

        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public Builder attribute(String name, Jid value) {
            return attribute(name, value.toString());
        }

        public Builder attribute(String name, long value) {
            return attribute(name, Long.toString(value));
        }

        /** Sets the attribute only when the value is not {@code null}. */
        public Builder optionalAttribute(String name, @Nullable Object value) {
            if (value != null) {
                attribute(name, value.toString());
            }
            return this;
        }

        public Builder child(Node child) {
            if (children == null) {
                children = new ArrayList<>();
            }
            children.add(child);
            content = null;
            return this;
        }

        public Builder children(List<Node> nodes) {
            nodes.forEach(this::child);
            return this;
        }

        public Builder content(byte[] bytes) {
            content = bytes.clone();
            children = null;
            return this;
        }

        public Builder content(String text) {
            content = text;
            children = null;
            return this;
        }

        public Node build() {
            return create(tag, attributes, children != null ? List.copyOf(children) : content);
        }
    }
}
