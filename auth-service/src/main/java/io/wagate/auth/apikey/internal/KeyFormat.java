package io.wagate.auth.apikey.internal;

import io.wagate.auth.shared.Secrets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wg_<env>_<prefix>_<secret>}: env {@code live} or {@code test}, a 12-character base62 prefix to find the
 * row, and 43 base62 characters carrying 256 random bits. Recognisable by secret scanners, and the prefix lets
 * support identify a key without the secret.
 */
public final class KeyFormat {

    private static final int PREFIX_LENGTH = 12;
    private static final Pattern SHAPE = Pattern.compile(
            "wg_(live|test)_([0-9A-Za-z]{" + PREFIX_LENGTH + "})_([0-9A-Za-z]{" + Secrets.BASE62_256_BITS + "})");

    private KeyFormat() {
    }

    /** A new key; {@code value} is shown once and then only its hash exists. */
    public record NewKey(String environment, String prefix, String value) {

        @Override
        public String toString() {
            return "NewKey[prefix=" + prefix + "]";
        }
    }

    /** The parts of a well-formed presented key. */
    public record Parsed(String environment, String prefix) {
    }

    public static NewKey generate(String environment) {
        String prefix = Secrets.base62(PREFIX_LENGTH);
        return new NewKey(environment, prefix, "wg_" + environment + "_" + prefix + "_" + Secrets.base62Of256Bits());
    }

    public static Optional<Parsed> parse(String key) {
        if (key.length() > 80) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(key);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
