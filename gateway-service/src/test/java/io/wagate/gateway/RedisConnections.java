package io.wagate.gateway;

import io.wagate.testsupport.RedisServer;
import io.wagate.testsupport.SharedInfrastructure;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Fixture: connections to the shared test Redis, on a database of their own. */
public final class RedisConnections {

    private RedisConnections() {
    }

    /** Started; the caller destroys it. */
    public static LettuceConnectionFactory onFreshDatabase() {
        RedisServer redis = SharedInfrastructure.get().redis();
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(redis.host(), redis.port());
        configuration.setDatabase(redis.reserveDatabase());
        LettuceConnectionFactory connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }
}
