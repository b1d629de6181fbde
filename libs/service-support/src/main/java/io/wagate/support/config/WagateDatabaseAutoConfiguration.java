package io.wagate.support.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.wagate.support.data.EventLoopAffineConnectionFactory;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * The services' PostgreSQL connections: pools bound to the HTTP server's event loops
 * ({@link EventLoopAffineConnectionFactory}) in place of Spring Boot's single pool, configured from the same
 * {@code spring.r2dbc.pool.*} settings. {@code spring.r2dbc.pool.max-size} is shared out over the event loops (at
 * least 2 connections each), and the pool for work on other threads gets half of it (at least 2).
 * {@code wagate.postgres.loop-affine-pools=false} leaves Spring Boot's pool in place.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ConditionalOnClass({ConnectionPool.class, ConnectionFactory.class, HttpResources.class})
@ConditionalOnProperty(name = "spring.r2dbc.url")
@EnableConfigurationProperties(R2dbcProperties.class)
public class WagateDatabaseAutoConfiguration {

    /** r2dbc-postgresql's option for the event loops its connections run on. */
    static final Option<LoopResources> LOOP_RESOURCES = Option.valueOf("loopResources");
    private static final String METER_TAG = "connectionFactory";

    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean(ConnectionFactory.class)
    @ConditionalOnProperty(name = "wagate.postgres.loop-affine-pools", havingValue = "true", matchIfMissing = true)
    EventLoopAffineConnectionFactory connectionFactory(R2dbcConnectionDetails details, R2dbcProperties properties,
            ObjectProvider<ReactorResourceFactory> reactorResources, ObjectProvider<MeterRegistry> meterRegistry) {
        ReactorResourceFactory resources = reactorResources.getIfAvailable();
        LoopResources loops = resources != null ? resources.getLoopResources() : HttpResources.get();
        R2dbcProperties.Pool pool = properties.getPool();
        int perLoop = Math.max(2, Math.ceilDiv(pool.getMaxSize(), LoopResources.DEFAULT_IO_WORKER_COUNT));
        int otherThreads = Math.max(2, Math.ceilDiv(pool.getMaxSize(), 2));
        ConnectionFactoryOptions options = details.getConnectionFactoryOptions();
        EventLoopAffineConnectionFactory factory = new EventLoopAffineConnectionFactory(on -> {
            ConnectionFactory connections = ConnectionFactories.get(options.mutate().option(LOOP_RESOURCES, on).build());
            return new ConnectionPool(poolConfiguration(connections, pool, on == loops ? otherThreads : perLoop));
        }, loops, pool.getMaxAcquireTime() == null ? Duration.ZERO : pool.getMaxAcquireTime());
        MeterRegistry meters = meterRegistry.getIfAvailable();
        if (meters == null) {
            return factory;
        }
        gauge(meters, "r2dbc.pool.acquired", "Connections in use", factory, PoolMetrics::acquiredSize);
        gauge(meters, "r2dbc.pool.allocated", "Connections open", factory, PoolMetrics::allocatedSize);
        gauge(meters, "r2dbc.pool.idle", "Connections open and not in use", factory, PoolMetrics::idleSize);
        gauge(meters, "r2dbc.pool.pending", "Queries waiting for a connection", factory,
                PoolMetrics::pendingAcquireSize);
        gauge(meters, "r2dbc.pool.max.allocated", "Connections the pools may open", factory,
                PoolMetrics::getMaxAllocatedSize);
        return factory;
    }

    /**
     * Spring Boot's pool settings for one pool, but the wait for a connection (bounded by the factory) and at most
     * one connection opened ahead of use: Boot's initial size is meant for the whole service, not for every loop.
     */
    private static ConnectionPoolConfiguration poolConfiguration(ConnectionFactory connections,
            R2dbcProperties.Pool pool, int maxSize) {
        ConnectionPoolConfiguration.Builder builder = ConnectionPoolConfiguration.builder(connections)
                .maxSize(maxSize)
                .initialSize(Math.min(pool.getInitialSize(), 1))
                .minIdle(Math.min(pool.getMinIdle(), maxSize))
                .acquireRetry(pool.getAcquireRetry())
                .validationDepth(pool.getValidationDepth());
        ifSet(pool.getMaxIdleTime(), builder::maxIdleTime);
        ifSet(pool.getMaxLifeTime(), builder::maxLifeTime);
        ifSet(pool.getMaxValidationTime(), builder::maxValidationTime);
        ifSet(pool.getMaxCreateConnectionTime(), builder::maxCreateConnectionTime);
        ifSet(pool.getValidationQuery(), builder::validationQuery);
        return builder.build();
    }

    private static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void gauge(MeterRegistry meters, String name, String description,
            EventLoopAffineConnectionFactory factory, ToIntFunction<PoolMetrics> figure) {
        Gauge.builder(name, factory, pools -> pools.sum(figure)).description(description)
                .tag("name", METER_TAG).register(meters);
    }
}
