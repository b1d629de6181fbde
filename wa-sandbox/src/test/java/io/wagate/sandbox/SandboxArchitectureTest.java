package io.wagate.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sandbox uses the engine's public wire and login API only, and no Spring. */
class SandboxArchitectureTest {

    private static final JavaClasses SANDBOX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.wagate.sandbox");

    @Test
    void noSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(SANDBOX);
    }

    @Test
    void noEngineInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.wagate.engine..internal..")
                .check(SANDBOX);
    }

    @Test
    void onlyTheChatServerSpeaksTheProtocol() {
        noClasses().that().resideInAnyPackage("io.wagate.sandbox.history..", "io.wagate.sandbox.fault..")
                .should().dependOnClassesThat().resideInAnyPackage("io.wagate.engine.noise..",
                        "io.wagate.engine.binary..")
                .check(SANDBOX);
    }
}
