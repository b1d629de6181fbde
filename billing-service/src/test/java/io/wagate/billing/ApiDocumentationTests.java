package io.wagate.billing;

import io.wagate.testsupport.ApiDocumentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Every route of the service is described in docs/api/openapi/billing.yaml and in docs/api/billing.md. */
class ApiDocumentationTests extends BillingIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteIsDocumented() {
        ApiDocumentation.verifyEveryRouteIsDocumented(mappings, "billing");
    }
}
