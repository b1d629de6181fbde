package io.wagate.support;

import io.wagate.support.app.SupportTestApplication;
import io.wagate.testsupport.SlowRequests;
import io.wagate.testsupport.WagateInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One application context for all of the library's integration tests. */
@WagateInfrastructure
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(KafkaProbe.class)
abstract class SupportIntegrationTest {

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = SlowRequests.watchedClient(port);
    }
}
