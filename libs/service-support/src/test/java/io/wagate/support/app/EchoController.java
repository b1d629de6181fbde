package io.wagate.support.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.RequestIds;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.channel.AbortedException;

@RestController
class EchoController {

    record Greeting(@NotBlank @Size(max = 20) String name, @Max(100) int times, List<String> tags) {
    }

    @PostMapping("/echo")
    Mono<Greeting> echo(@Valid @RequestBody Greeting greeting) {
        return Mono.just(greeting);
    }

    @GetMapping("/mdc")
    Mono<Map<String, String>> mdc() {
        // Hop to another thread: handle() must see the request id there (context propagation, limited), while plain
        // operators must not pay for restoring it.
        return Mono.fromCallable(() -> String.valueOf(MDC.get(RequestIds.CONTEXT_KEY)))
                .subscribeOn(Schedulers.boundedElastic())
                .<Map<String, String>>handle((outside, sink) -> sink.next(Map.of(
                        "requestId", String.valueOf(MDC.get(RequestIds.CONTEXT_KEY)),
                        "outsideHandle", outside,
                        "thread", Thread.currentThread().getName())));
    }

    @GetMapping("/conflict")
    Mono<Void> conflict() {
        return Mono.error(ApiProblem.conflict("already there"));
    }

    /** What Reactor Netty raises when the client closed its connection before the answer could be sent. */
    @GetMapping("/gone")
    Mono<Void> gone() {
        return Mono.error(AbortedException.beforeSend());
    }

    @GetMapping("/boom")
    Mono<Void> boom() {
        return Mono.error(new IllegalStateException("secret internal detail"));
    }
}
