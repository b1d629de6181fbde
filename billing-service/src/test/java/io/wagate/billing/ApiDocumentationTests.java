package io.wagate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** Every route of the service is described in docs/api/openapi/billing.yaml and in docs/api/instances.md. */
class ApiDocumentationTests extends BillingIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteIsDocumented() throws IOException {
        Path docs = Path.of("..", "docs", "api");
        Map<String, Map<String, Object>> paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(
                Files.readString(docs.resolve("openapi/billing.yaml"))).get("paths");
        String guide = Files.readString(docs.resolve("billing.md"));
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
        TreeSet<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns()
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> {
                    String path = pattern.getPatternString();
                    Map<String, Object> operations = paths.get(path);
                    if (operations == null || !operations.containsKey(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path + " in openapi/billing.yaml");
                    }
                    if (!guide.contains("`" + method + " " + path)) {
                        missing.add(method + " " + path + " in billing.md");
                    }
                })));
        assertThat(missing).isEmpty();
    }
}
