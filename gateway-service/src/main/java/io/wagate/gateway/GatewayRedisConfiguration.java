package io.wagate.gateway;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis client settings of the gateway. Every routed request waits for Redis (key cache, plan and rate limit), and
 * by default Lettuce continues reactive pipelines on the one I/O thread of its shared connection: all the work that
 * follows a Redis answer (signing the internal token, writing to the service) would then queue on a single
 * thread, and so would the next Redis answers. Emitting on Lettuce's computation threads spreads that work over
 * the cores.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRedisConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer publishOnComputationThreads() {
        return options -> options.publishOnScheduler(true);
    }
}
