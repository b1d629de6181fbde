package io.wagate.support.app;

import io.wagate.support.identity.InternalIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class WhoAmIController {

    @GetMapping("/api/whoami")
    Mono<InternalIdentity> whoami(InternalIdentity identity) {
        return Mono.just(identity);
    }
}
