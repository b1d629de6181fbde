package io.wagate.auth;

import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads audit pages in tests. */
abstract class AuditTestsSupport extends AuthIntegrationTest {

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> items(WebTestClient.RequestHeadersSpec<?> request) {
        Map<String, Object> page = request.exchange().expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }
}
