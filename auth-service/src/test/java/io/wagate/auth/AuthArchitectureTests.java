package io.wagate.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class AuthArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.auth");
    }

    /** A feature's internal package is its own: other features go through the feature's public classes. */
    @Test
    void internalPackagesAreUsedOnlyByTheirFeature() {
        classes().that().resideInAPackage("io.wagate.auth.*.internal..")
                .should(new ArchCondition<>("be used only by their own feature") {
                    @Override
                    public void check(JavaClass target, ConditionEvents events) {
                        String feature = target.getPackageName().substring(0, target.getPackageName().indexOf(".internal"));
                        target.getAccessesToSelf().forEach(access -> {
                            String origin = access.getOriginOwner().getPackageName();
                            if (!origin.equals(feature) && !origin.startsWith(feature + ".")) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        });
                    }
                })
                .check(WagateArchitecture.productionClasses("io.wagate.auth"));
    }
}
