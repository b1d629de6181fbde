package io.wagate.webhook;

import io.wagate.testsupport.ApiDocumentation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Every route of the service is described in docs/api/openapi/webhooks.yaml and in docs/webhooks.md. */
class ApiDocumentationTests extends WebhookIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteIsDocumented() {
        ApiDocumentation.verifyEveryRouteIsDocumented(mappings, "webhooks", Path.of("..", "docs", "webhooks.md"));
    }
}
