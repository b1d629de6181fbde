package io.wagate.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.engine.binary.Node;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class IqTrackerTest {

    @Test
    void idsFollowTheWebClientShape() {
        IqTracker tracker = new IqTracker();
        assertThat(tracker.nextId()).matches("\\d{1,5}\\.\\d{1,5}-1");
        assertThat(tracker.nextId()).endsWith("-2");
    }

    @Test
    void resultsAndErrorsCompleteTheirRequest() throws Exception {
        IqTracker tracker = new IqTracker();
        CompletableFuture<Node> ok = tracker.register("a", Duration.ofSeconds(5));
        CompletableFuture<Node> failed = tracker.register("b", Duration.ofSeconds(5));
        assertThat(tracker.complete(Node.builder("iq").attribute("id", "a").attribute("type", "result").build()))
                .isTrue();
        tracker.complete(Node.builder("iq").attribute("id", "b").attribute("type", "error")
                .child(Node.builder("error").attribute("code", "404").build()).build());
        assertThat(ok.get().attribute("id")).isEqualTo("a");
        assertThatThrownBy(failed::get).hasCauseInstanceOf(IqErrorException.class);
        assertThat(tracker.complete(Node.builder("iq").attribute("id", "zzz").build())).isFalse();
    }

    @Test
    void unansweredRequestsTimeOut() {
        IqTracker tracker = new IqTracker();
        CompletableFuture<Node> future = tracker.register("slow", Duration.ofMillis(20));
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }
}
