package io.wagate.engine.binary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token dictionaries of WABinary version 3: 236 single-byte tokens (index 0 is unused) and four double-byte
 * dictionaries of 256 tokens each. They are protocol data, loaded once from text resources (one token per line).
 */
public final class Tokens {

    public static final int DICTIONARY_VERSION = 3;
    public static final int SINGLE_BYTE_COUNT = 236;
    public static final int DICTIONARY_COUNT = 4;
    public static final int DICTIONARY_SIZE = 256;

    private static final String[] SINGLE = load("single-byte-tokens.txt", SINGLE_BYTE_COUNT);
    private static final String[] DOUBLE = load("double-byte-tokens.txt", DICTIONARY_COUNT * DICTIONARY_SIZE);
    private static final Map<String, Integer> SINGLE_INDEX = indexOf(SINGLE, 1);
    private static final Map<String, Integer> DOUBLE_INDEX = indexOf(DOUBLE, 0);

    private Tokens() {
    }

    /** The single-byte token at index 1..235. */
    public static String single(int index) {
        if (index < 1 || index >= SINGLE_BYTE_COUNT) {
            throw new IndexOutOfBoundsException("single-byte token index " + index);
        }
        return SINGLE[index];
    }

    /** The token at (dictionary 0..3, index 0..255). */
    public static String doubleByte(int dictionary, int index) {
        if (dictionary < 0 || dictionary >= DICTIONARY_COUNT || index < 0 || index >= DICTIONARY_SIZE) {
            throw new IndexOutOfBoundsException("double-byte token " + dictionary + "/" + index);
        }
        return DOUBLE[dictionary * DICTIONARY_SIZE + index];
    }

    /** Index 1..235 of a single-byte token, or -1. */
    public static int singleIndexOf(String token) {
        Integer index = SINGLE_INDEX.get(token);
        return index == null ? -1 : index;
    }

    /** {@code dictionary * 256 + index} of a double-byte token, or -1. */
    public static int doubleIndexOf(String token) {
        Integer index = DOUBLE_INDEX.get(token);
        return index == null ? -1 : index;
    }

    private static Map<String, Integer> indexOf(String[] tokens, int first) {
        Map<String, Integer> index = new HashMap<>(tokens.length * 2);
        for (int i = first; i < tokens.length; i++) {
            index.putIfAbsent(tokens[i], i);
        }
        return Map.copyOf(index);
    }

    private static String[] load(String resource, int expected) {
        try (InputStream in = Tokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing token resource " + resource);
            }
            List<String> lines = new ArrayList<>(expected);
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            if (lines.size() != expected) {
                throw new IllegalStateException(resource + " has " + lines.size() + " tokens, expected " + expected);
            }
            // Interned so that decoded tag and attribute names can be compared cheaply and share memory.
            return lines.stream().map(String::intern).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token resource " + resource, e);
        }
    }
}
