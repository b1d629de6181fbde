package io.wagate.gateway;

import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.gateway");
    }
}
