package io.wagate.session.ownership;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Health contributor {@code adoption}, part of the readiness group: out of service until the worker's partitions
 * are assigned and their sessions adopted. A rolling deployment therefore waits for a new worker to take up its
 * sessions before it stops the next old one.
 */
@Component
class AdoptionHealthIndicator implements ReactiveHealthIndicator {

    private final AdoptionProgress progress;

    AdoptionHealthIndicator(AdoptionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Mono<Health> health() {
        if (progress.settled()) {
            return Mono.just(Health.up().build());
        }
        return Mono.just(Health.outOfService().withDetail("assigned", progress.assignedOnce())
                .withDetail("adoptionsInProgress", progress.inProgress()).build());
    }
}
