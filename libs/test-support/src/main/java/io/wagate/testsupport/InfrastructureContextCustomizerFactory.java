package io.wagate.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points a Spring test's application context at the shared servers: a fresh database (the service migrates its own
 * schema into it), a fresh Redis database and the shared Kafka broker; and gives it the test JVM's
 * internal-identity keys ({@link TestIdentityKeys}). Registered in {@code META-INF/spring.factories};
 * active for test classes annotated with {@link WagateInfrastructure}.
 */
final class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(WagateInfrastructure.class);
        return annotated ? new InfrastructureContextCustomizer() : null;
    }

    /** All instances are equal so that Spring's context cache still reuses contexts across test classes. */
    private static final class InfrastructureContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            SharedInfrastructure shared = SharedInfrastructure.get();
            Map<String, Object> properties = new LinkedHashMap<>(InfrastructureSettings.of(
                    shared.postgres().createDatabase(), shared.redis(), shared.redis().reserveDatabase(),
                    shared.kafka().bootstrapServers()));
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("wagateTestInfrastructure", properties));
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof InfrastructureContextCustomizer;
        }

        @Override
        public int hashCode() {
            return InfrastructureContextCustomizer.class.hashCode();
        }
    }
}
