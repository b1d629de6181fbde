package io.wagate.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.engine.client.ClientEvent;
import io.wagate.engine.client.DisconnectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static final ClientEvent QR = new ClientEvent.QrCode("qr", 0, Instant.EPOCH);
    private static final ClientEvent END = new ClientEvent.Disconnected(DisconnectReason.CLIENT_CLOSED, 0, "", false);

    @Test
    void eventsBeforeSubscriptionAreKeptAndTheStreamCompletesAfterDisconnected() {
        EventStream stream = new EventStream();
        stream.emit(QR);
        stream.emit(END);
        stream.emit(QR);
        Recorder recorder = new Recorder(Long.MAX_VALUE);
        stream.subscribe(recorder);
        assertThat(recorder.events).containsExactly(QR, END);
        assertThat(recorder.completed).isTrue();
    }

    @Test
    void demandIsRespected() {
        EventStream stream = new EventStream();
        Recorder recorder = new Recorder(1);
        stream.subscribe(recorder);
        stream.emit(QR);
        stream.emit(END);
        assertThat(recorder.events).containsExactly(QR);
        recorder.subscription.request(1);
        assertThat(recorder.events).containsExactly(QR, END);
        assertThat(recorder.completed).isTrue();
    }

    @Test
    void secondSubscriberIsRefused() {
        EventStream stream = new EventStream();
        stream.subscribe(new Recorder(1));
        Recorder second = new Recorder(1);
        stream.subscribe(second);
        assertThat(second.error).isInstanceOf(IllegalStateException.class);
    }

    private static final class Recorder implements Flow.Subscriber<ClientEvent> {
        final List<ClientEvent> events = new ArrayList<>();
        final long initialDemand;
        Flow.Subscription subscription;
        boolean completed;
        Throwable error;

        Recorder(long initialDemand) {
            this.initialDemand = initialDemand;
        }

        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            value.request(initialDemand);
        }

        @Override
        public void onNext(ClientEvent item) {
            events.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
