package io.wagate.session.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.session.SessionWorkerIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;

class AdoptionReadinessTests extends SessionWorkerIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    AdoptionProgress progress;

    @Test
    void notReadyBeforeTheFirstAssignment() {
        Health health = new AdoptionHealthIndicator(new AdoptionProgress()).health().block(WAIT);
        assertThat(health).isNotNull();
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void readinessIsFalseWhileAnAssignmentIsBeingAdopted() throws IOException, InterruptedException {
        await().atMost(WAIT).until(() -> status("/actuator/health/readiness") == 200);

        AdoptionProgress.Adopting adopting = progress.begin();
        try {
            assertThat(status("/actuator/health/readiness")).isEqualTo(503);
            assertThat(status("/actuator/health/liveness")).as("liveness does not follow adoption").isEqualTo(200);
        } finally {
            adopting.done();
            adopting.done();
        }
        assertThat(progress.inProgress()).as("done() counts once").isZero();
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
    }

    private int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(WAIT).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
