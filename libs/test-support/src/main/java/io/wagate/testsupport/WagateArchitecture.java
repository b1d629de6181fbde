package io.wagate.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The platform's architecture rules, checked by each module's own test: a service's code depends on no other
 * service's packages (they share only libs/contracts and HTTP), and its non-API {@code internal} packages are not
 * reached from other features.
 */
public final class WagateArchitecture {

    /** Root packages of the deployable services. */
    public static final List<String> SERVICE_PACKAGES = List.of("io.wagate.gateway", "io.wagate.auth",
            "io.wagate.instance", "io.wagate.session", "io.wagate.webhook", "io.wagate.billing", "io.wagate.sandbox");

    private WagateArchitecture() {
    }

    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Fails when code under {@code ownPackage} uses any other service's package. */
    public static void verifyService(String ownPackage) {
        JavaClasses classes = productionClasses(ownPackage);
        String[] others = SERVICE_PACKAGES.stream().filter(p -> !p.equals(ownPackage)).map(p -> p + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only libs/contracts and HTTP through the gateway")
                .check(classes);
    }

    /** Fails when code under {@code rootPackage} uses Spring. */
    public static void verifySpringFree(String rootPackage) {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("protocol and contract code stays framework-free")
                .check(productionClasses(rootPackage));
    }
}
