package io.wagate.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A counter with two tags whose values vary per request, looked up by a small key: registering by name and tags
 * builds and sorts a meter id every time, which showed in the gateway's per-request profile.
 */
public final class TwoTagCounter {

    private final MeterRegistry meters;
    private final String name;
    private final String firstTag;
    private final String secondTag;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    public TwoTagCounter(MeterRegistry meters, String name, String firstTag, String secondTag) {
        this.meters = meters;
        this.name = name;
        this.firstTag = firstTag;
        this.secondTag = secondTag;
    }

    public void increment(String first, String second) {
        counters.computeIfAbsent(new Key(first, second),
                key -> meters.counter(name, firstTag, key.first(), secondTag, key.second())).increment();
    }

    private record Key(String first, String second) {
    }
}
