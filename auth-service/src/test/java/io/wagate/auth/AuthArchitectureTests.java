package io.wagate.auth;

import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class AuthArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.auth");
    }
}
