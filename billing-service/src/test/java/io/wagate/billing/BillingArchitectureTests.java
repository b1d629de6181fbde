package io.wagate.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.wagate.testsupport.WagateArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingArchitectureTests {

    private static final JavaClasses PRODUCTION = WagateArchitecture.productionClasses("io.wagate.billing");

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.billing");
    }

    @Test
    void internalPackagesStayInsideTheirFeature() {
        for (String feature : List.of("plan", "subscription", "usage")) {
            String root = "io.wagate.billing." + feature;
            classes().that().resideInAPackage(root + ".internal..")
                    .should().onlyBeAccessed().byClassesThat().resideInAPackage(root + "..")
                    .allowEmptyShould(true)
                    .check(PRODUCTION);
        }
    }
}
