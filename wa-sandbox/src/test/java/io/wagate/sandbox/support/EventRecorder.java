package io.wagate.sandbox.support;

import io.wagate.engine.client.ClientEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Subscribes to a connection's events and lets a test wait for them in order. */
public final class EventRecorder implements Flow.Subscriber<ClientEvent> {

    private final LinkedBlockingQueue<ClientEvent> queue = new LinkedBlockingQueue<>();
    private final List<ClientEvent> seen = new ArrayList<>();
    private volatile boolean completed;

    public static EventRecorder of(Flow.Publisher<ClientEvent> publisher) {
        EventRecorder recorder = new EventRecorder();
        publisher.subscribe(recorder);
        return recorder;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ClientEvent item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        completed = true;
    }

    @Override
    public void onComplete() {
        completed = true;
    }

    public boolean completed() {
        return completed;
    }

    /** Waits for the next event of the type, skipping others; fails on Disconnected unless that is the type. */
    public <T extends ClientEvent> T next(Class<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ClientEvent event;
            try {
                event = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; seen " + seen);
            }
            seen.add(event);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
            if (event instanceof ClientEvent.Disconnected) {
                throw new AssertionError("disconnected while waiting for " + type.getSimpleName() + ": " + event);
            }
        }
    }

    public ClientEvent.Disconnected disconnected(Duration timeout) {
        return next(ClientEvent.Disconnected.class, timeout);
    }

    /** Every event received so far, in order. */
    public List<ClientEvent> drain() {
        queue.drainTo(seen);
        return List.copyOf(seen);
    }
}
