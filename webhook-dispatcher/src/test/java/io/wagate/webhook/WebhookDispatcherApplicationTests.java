package io.wagate.webhook;

import io.wagate.testsupport.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

class WebhookDispatcherApplicationTests extends WebhookIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(port, environment, "webhook-dispatcher", "webhooks");
    }
}
