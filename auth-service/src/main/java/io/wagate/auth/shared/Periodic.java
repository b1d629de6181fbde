package io.wagate.auth.shared;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs a reactive job at a fixed delay; one failed run is logged and the next still happens. */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    public static Disposable every(Duration interval, String name, Supplier<Mono<?>> job) {
        return Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(job).onErrorResume(e -> {
                    log.warn("Periodic job {} failed: {}", name, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }
}
