package io.wagate.session;

import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class SessionWorkerArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.session");
    }
}
