package io.wagate.instance.instance;

import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Instance names are URL path segments: lowercase letters, digits and inner hyphens, 3 to 40 characters. A few
 * names are reserved because they are literal paths next to {@code /api/instances/{name}}.
 */
public final class InstanceNames {

    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";
    static final Set<String> RESERVED = Set.of("events", "ws");
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private InstanceNames() {
    }

    public static boolean isValid(@Nullable String name) {
        return name != null && COMPILED.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** The name when it is safe to repeat in a message, otherwise a neutral stand-in. */
    public static String echo(String name) {
        return COMPILED.matcher(name).matches() ? "'" + name + "'" : "with this name";
    }
}
