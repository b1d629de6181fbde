package io.wagate.instance.live.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A Redis stream entry id ({@code <millis>-<sequence>}), comparable so that replay and live can be stitched. */
public record StreamPosition(long millis, long sequence) implements Comparable<StreamPosition> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    /** The position, or null when the text is not a stream id (clients send what they received). */
    public static @Nullable StreamPosition parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new StreamPosition(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean isAfter(StreamPosition other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamPosition other) {
        int byTime = Long.compare(millis, other.millis);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
