package io.wagate.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wagate.testsupport.TestIdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The successor token the gateway announces is verified off the request path, and only for a trusted request. */
class AnnouncedTokenTests {

    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()), Duration.ofSeconds(60), Clock.systemUTC());
    private final InternalIdentity apiKey = new InternalIdentity(UUID.randomUUID(), UUID.randomUUID().toString(),
            PrincipalType.API_KEY, Set.of(), Set.of("messages:send"), UUID.randomUUID(), "pro");
    private final InternalTokenVerifier verifier = new InternalTokenVerifier(
            InternalTokens.publicKey(TestIdentityKeys.publicKeyBase64()), Clock.systemUTC());
    private final InternalIdentityWebFilter filter = new InternalIdentityWebFilter(verifier, List.of("/api/**"),
            List.of());
    private final AtomicInteger passed = new AtomicInteger();
    private final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    @AfterEach
    void stop() {
        verifier.close();
    }

    @Test
    void aSuccessorAnnouncedWithAValidTokenIsVerifiedBeforeItsFirstRequest() {
        String next = gateway.issue(apiKey);
        assertThat(verifier.remembers(next)).isFalse();

        filter.filter(request(gateway.issue(apiKey), next), chain).block();

        assertThat(passed).hasValue(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> verifier.remembers(next));
        assertThat(verifier.verify(next)).isEqualTo(apiKey);
    }

    @Test
    void aSuccessorAnnouncedWithAnInvalidTokenIsNotLookedAt() {
        String next = gateway.issue(apiKey);
        String forged = new InternalTokenIssuer(InternalTokens.generateKeyPair().getPrivate(), Duration.ofSeconds(60),
                Clock.systemUTC()).issue(apiKey);

        assertThatThrownBy(() -> filter.filter(request(forged, next), chain).block())
                .hasMessageContaining("not valid");

        // Anything prepared afterwards is checked after whatever was handed over before it: one thread, in order.
        String later = gateway.issue(apiKey);
        verifier.prepare(later);
        await().atMost(Duration.ofSeconds(10)).until(() -> verifier.remembers(later));
        assertThat(verifier.remembers(next)).isFalse();
        assertThat(passed).hasValue(0);
    }

    @Test
    void anAnnouncedTokenThatDoesNotVerifyIsNeitherRememberedNorHeldAgainstItsRequest() {
        String forged = new InternalTokenIssuer(InternalTokens.generateKeyPair().getPrivate(), Duration.ofSeconds(60),
                Clock.systemUTC()).issue(apiKey);
        String expired = new InternalTokenIssuer(InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()),
                Duration.ofSeconds(60), Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC))
                .issue(apiKey);

        filter.filter(request(gateway.issue(apiKey), forged), chain).block();
        filter.filter(request(gateway.issue(apiKey), expired), chain).block();
        filter.filter(request(gateway.issue(apiKey), "not.a.token"), chain).block();
        String valid = gateway.issue(apiKey);
        verifier.prepare(valid);

        await().atMost(Duration.ofSeconds(10)).until(() -> verifier.remembers(valid));
        assertThat(passed).hasValue(3);
        assertThat(verifier.remembers(forged)).isFalse();
        assertThat(verifier.remembers(expired)).isFalse();
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidInternalTokenException.class);
    }

    @Test
    void theWarmUpChecksAThrowawayTokenOnTheBackgroundThreadAndRemembersNothing() throws Exception {
        assertThat(verifier.warmUp(25).get(30, TimeUnit.SECONDS)).isEqualTo(25);
        assertThat(verifier.warmUp(0).get()).isZero();

        String next = gateway.issue(apiKey);
        verifier.prepare(next);
        await().atMost(Duration.ofSeconds(10)).until(() -> verifier.remembers(next));
        assertThat(verifier.rememberedCount()).as("the throwaway token is not kept").isEqualTo(1);
    }

    private static MockServerWebExchange request(String token, String next) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/instances")
                .header(InternalTokens.HEADER, token)
                .header(InternalTokens.NEXT_HEADER, next));
    }
}
