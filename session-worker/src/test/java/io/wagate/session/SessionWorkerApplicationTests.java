package io.wagate.session;

import io.wagate.testsupport.ServiceConventions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

class SessionWorkerApplicationTests extends SessionWorkerIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(port, environment, "session-worker", "sessions");
    }
}
