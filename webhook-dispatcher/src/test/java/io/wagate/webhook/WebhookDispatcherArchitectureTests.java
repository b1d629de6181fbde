package io.wagate.webhook;

import io.wagate.testsupport.WagateArchitecture;
import org.junit.jupiter.api.Test;

class WebhookDispatcherArchitectureTests {

    @Test
    void usesNoOtherServicesCode() {
        WagateArchitecture.verifyService("io.wagate.webhook");
    }
}
