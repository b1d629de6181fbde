package io.wagate.gateway.plan;

import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.contracts.EventCodec;
import io.wagate.gateway.plan.internal.SubscriptionChangedListener;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    PlanProjection planProjection(ReactiveStringRedisTemplate redis) {
        return new PlanProjection(redis);
    }

    @Bean
    SubscriptionChangedListener subscriptionChangedListener(PlanProjection projection, EventCodec codec,
            MeterRegistry meters) {
        return new SubscriptionChangedListener(projection, codec, meters, Duration.ofSeconds(5));
    }
}
