package io.wagate.engine.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Storage and transport are leaves under the client; nothing outside a feature reaches into its internals. */
class ClientLayersArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wagate.engine");

    @Test
    void storeAndTransportDoNotKnowTheClient() {
        noClasses().that().resideInAnyPackage("io.wagate.engine.store..", "io.wagate.engine.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wagate.engine.client..",
                        "io.wagate.engine.login..")
                .check(ENGINE);
    }

    @Test
    void clientInternalsStayInside() {
        noClasses().that().resideOutsideOfPackages("io.wagate.engine.client..")
                .should().dependOnClassesThat().resideInAPackage("io.wagate.engine.client.internal..")
                .check(ENGINE);
    }
}
