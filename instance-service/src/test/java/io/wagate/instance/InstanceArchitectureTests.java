package io.wagate.instance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.wagate.testsupport.WagateArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceArchitectureTests {

    private static final List<String> FEATURES = List.of("instance", "plan", "lifecycle", "status", "qr", "live", "logs");

    private static final JavaClasses PRODUCTION = WagateArchitecture.productionClasses("io.wagate.instance");

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.instance");
    }

    @Test
    void internalPackagesStayInsideTheirFeature() {
        for (String feature : FEATURES) {
            String root = "io.wagate.instance." + feature;
            classes().that().resideInAPackage(root + ".internal..")
                    .should().onlyBeAccessed().byClassesThat().resideInAPackage(root + "..")
                    .allowEmptyShould(true)
                    .check(PRODUCTION);
        }
    }
}
