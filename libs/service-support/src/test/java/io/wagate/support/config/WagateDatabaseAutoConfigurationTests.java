package io.wagate.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.wagate.support.data.EventLoopAffineConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WagateDatabaseAutoConfigurationTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withConfiguration(AutoConfigurations.of(WagateDatabaseAutoConfiguration.class,
                    R2dbcAutoConfiguration.class))
            .withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/wagate",
                    "spring.r2dbc.username=wagate", "spring.r2dbc.pool.max-size=10");

    @Test
    void poolsConnectionsPerEventLoopByDefaultAndCountsThemUnderBootsMeterNames() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(ConnectionFactory.class);
            assertThat(context.getBean(ConnectionFactory.class)).isInstanceOf(EventLoopAffineConnectionFactory.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            // Only the pool for other threads exists before a query: half of max-size.
            assertThat(meters.get("r2dbc.pool.max.allocated").tag("name", "connectionFactory").gauge().value())
                    .isEqualTo(5);
            assertThat(meters.get("r2dbc.pool.acquired").gauge().value()).isZero();
        });
    }

    @Test
    void leavesSpringBootsPoolInPlaceWhenSwitchedOff() {
        contexts.withPropertyValues("wagate.postgres.loop-affine-pools=false").run(context -> {
            assertThat(context).hasSingleBean(ConnectionFactory.class);
            assertThat(context.getBean(ConnectionFactory.class)).isInstanceOf(ConnectionPool.class);
        });
    }
}
