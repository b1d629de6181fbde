package io.wagate.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is a plain library, used from Spring services but free of Spring itself. */
class NoSpringArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wagate.engine");

    @Test
    void noSpring() {
        noClasses().that().resideInAPackage("io.wagate.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(ENGINE);
    }

    @Test
    void wireLayerDoesNotDependOnTheClient() {
        noClasses().that().resideInAnyPackage("io.wagate.engine.binary..", "io.wagate.engine.crypto..",
                        "io.wagate.engine.noise..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wagate.engine.client..",
                        "io.wagate.engine.login..", "io.wagate.engine.store..", "io.wagate.engine.transport..")
                .check(ENGINE);
    }
}
