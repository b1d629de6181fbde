package io.wagate.gateway.accesslog;

/**
 * Turns a request path into its template for logs and metrics: instance names, ids and numbers become
 * placeholders. A path template groups requests usefully and keeps tenant data (instance names) and unbounded
 * values out of the access log's path field and out of metric tags.
 */
final class PathTemplates {

    private static final int MAX_SEGMENTS = 8;

    private PathTemplates() {
    }

    static String of(String path) {
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder();
        int count = 0;
        for (int i = 1; i < segments.length && count < MAX_SEGMENTS; i++, count++) {
            String segment = segments[i];
            template.append('/');
            if (i == 3 && "api".equals(segments[1]) && "instances".equals(segments[2]) && !segment.isEmpty()) {
                template.append("{name}");
            } else if (isId(segment)) {
                template.append("{id}");
            } else {
                template.append(segment.length() > 40 ? "{value}" : segment);
            }
        }
        if (segments.length - 1 > MAX_SEGMENTS) {
            template.append("/...");
        }
        return template.isEmpty() ? "/" : template.toString();
    }

    /**
     * A UUID, a number, a hex string of 16 or more characters, or anything starting with {@code wg_} (an API key).
     * Checked by hand rather than by a regular expression: this runs for every segment of every request.
     */
    static boolean isId(String segment) {
        int length = segment.length();
        if (length == 0) {
            return false;
        }
        if (segment.startsWith("wg_")) {
            return true;
        }
        boolean digits = true;
        boolean hex = true;
        for (int i = 0; i < length && (digits || hex); i++) {
            char c = segment.charAt(i);
            digits &= c >= '0' && c <= '9';
            hex &= isHex(c);
        }
        return digits || hex && length >= 16 || isUuid(segment);
    }

    private static boolean isUuid(String segment) {
        if (segment.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = segment.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
