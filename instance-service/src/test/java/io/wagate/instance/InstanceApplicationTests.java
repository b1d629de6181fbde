package io.wagate.instance;

import io.wagate.testsupport.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

class InstanceApplicationTests extends InstanceIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(port, environment, "instance-service", "instances");
    }
}
