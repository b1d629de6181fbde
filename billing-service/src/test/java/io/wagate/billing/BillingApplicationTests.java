package io.wagate.billing;

import io.wagate.testsupport.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

class BillingApplicationTests extends BillingIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(port, environment, "billing-service", "billing");
    }
}
