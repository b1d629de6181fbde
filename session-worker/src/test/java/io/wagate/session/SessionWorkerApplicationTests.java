package io.wagate.session;

import io.wagate.testsupport.ServiceConventions;
import io.wagate.testsupport.WagateInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

@WagateInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionWorkerApplicationTests {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void bootsWithThePlatformConventions() {
        ServiceConventions.verify(port, environment, "session-worker", "sessions");
    }
}
