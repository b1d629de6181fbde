package io.wagate.gateway.accesslog;

import java.util.regex.Pattern;

/**
 * Turns a request path into its template for logs and metrics: instance names, ids and numbers become
 * placeholders. A path template groups requests usefully and keeps tenant data (instance names) and unbounded
 * values out of the access log's path field and out of metric tags.
 */
final class PathTemplates {

    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+|[0-9a-fA-F]{16,}|wg_.*");
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
            } else if (ID.matcher(segment).matches()) {
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
}
