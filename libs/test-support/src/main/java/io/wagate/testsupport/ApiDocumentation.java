package io.wagate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps a service's API documentation true: every route its controllers serve must appear with its method in
 * {@code docs/api/openapi/<name>.yaml} and, as {@code `METHOD /path`}, in the service's guide ({@code docs/api/<name>.md}
 * unless given).
 */
public final class ApiDocumentation {

    private ApiDocumentation() {
    }

    public static void verifyEveryRouteIsDocumented(RequestMappingHandlerMapping mappings, String name) {
        verifyEveryRouteIsDocumented(mappings, name, Path.of("..", "docs", "api", name + ".md"));
    }

    /** The same, for a service whose guide lives elsewhere than {@code docs/api/<name>.md}. */
    public static void verifyEveryRouteIsDocumented(RequestMappingHandlerMapping mappings, String name,
            Path guidePath) {
        Path docs = Path.of("..", "docs", "api");
        Map<String, Map<String, Object>> paths;
        String guide;
        try {
            paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(
                    Files.readString(docs.resolve("openapi/" + name + ".yaml"))).get("paths");
            guide = Files.readString(guidePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(mappings.getHandlerMethods()).as("routes of the service").isNotEmpty();
        TreeSet<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns()
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> {
                    String path = pattern.getPatternString();
                    Map<String, Object> operations = paths.get(path);
                    if (operations == null || !operations.containsKey(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path + " in openapi/" + name + ".yaml");
                    }
                    if (!guide.contains("`" + method + " " + path)) {
                        missing.add(method + " " + path + " in " + name + ".md");
                    }
                })));
        assertThat(missing).as("undocumented routes").isEmpty();
    }
}
