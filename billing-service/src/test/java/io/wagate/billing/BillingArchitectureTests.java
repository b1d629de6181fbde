package io.wagate.billing;

import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class BillingArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.billing");
    }
}
