package io.wagate.engine.client.internal;

import io.wagate.engine.client.ClientEvent;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The events of one connection as a Flow.Publisher for a single subscriber. Events are kept until requested, so
 * nothing is lost between {@code connect()} and {@code subscribe()}; the stream completes after Disconnected.
 * Delivery runs on the thread that emitted or requested; subscribers must not block.
 */
public final class EventStream implements Flow.Publisher<ClientEvent> {

    private final Queue<ClientEvent> pending = new ArrayDeque<>(4);
    private final AtomicInteger wip = new AtomicInteger();
    private Flow.@Nullable Subscriber<? super ClientEvent> subscriber;
    private long requested;
    private boolean terminated;
    private boolean completed;
    private boolean cancelled;

    @Override
    public void subscribe(Flow.Subscriber<? super ClientEvent> newSubscriber) {
        boolean accepted;
        synchronized (this) {
            accepted = subscriber == null;
            if (accepted) {
                subscriber = newSubscriber;
            }
        }
        if (!accepted) {
            newSubscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            newSubscriber.onError(new IllegalStateException("a connection's events have one subscriber"));
            return;
        }
        newSubscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    return;
                }
                synchronized (EventStream.this) {
                    requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
                }
                drain();
            }

            @Override
            public void cancel() {
                synchronized (EventStream.this) {
                    cancelled = true;
                    pending.clear();
                }
            }
        });
        drain();
    }

    /** Queues an event; after a Disconnected further events are dropped and the stream completes. */
    public void emit(ClientEvent event) {
        synchronized (this) {
            if (terminated || cancelled) {
                return;
            }
            pending.add(event);
            if (event instanceof ClientEvent.Disconnected) {
                terminated = true;
            }
        }
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            while (true) {
                ClientEvent next;
                Flow.Subscriber<? super ClientEvent> target;
                boolean complete = false;
                synchronized (this) {
                    target = subscriber;
                    if (target == null || cancelled) {
                        break;
                    }
                    if (pending.isEmpty() || requested == 0) {
                        if (pending.isEmpty() && terminated && !completed) {
                            completed = true;
                            complete = true;
                        }
                        next = null;
                    } else {
                        next = pending.poll();
                        if (requested != Long.MAX_VALUE) {
                            requested--;
                        }
                    }
                }
                if (complete) {
                    target.onComplete();
                    break;
                }
                if (next == null) {
                    break;
                }
                target.onNext(next);
            }
        } while (wip.decrementAndGet() != 0);
    }
}
