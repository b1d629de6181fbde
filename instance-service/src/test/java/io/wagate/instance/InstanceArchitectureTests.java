package io.wagate.instance;

import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class InstanceArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.instance");
    }
}
