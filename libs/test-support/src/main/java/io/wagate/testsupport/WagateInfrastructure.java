package io.wagate.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real PostgreSQL, Redis and Kafka servers.
 *
 * <p>Isolation: a plain test class can take a {@link TestInfrastructure} parameter and gets its own fresh database
 * from {@link TestInfrastructure#database()}. A Spring test's application context gets its own fresh database and
 * Redis database, created when the context starts; test classes that share a cached context share them too, which
 * is why the platform's tests create their own tenants instead of relying on empty tables. Kafka topics are shared
 * by the whole test JVM.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(InfrastructureExtension.class)
public @interface WagateInfrastructure {
}
