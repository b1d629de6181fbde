package io.wagate.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.gateway.identity.MintedTokens.MintedToken;
import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokenVerifier;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.identity.PrincipalType;
import io.wagate.testsupport.TestIdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MintedTokensTests {

    private static final Duration LIFETIME = Duration.ofSeconds(60);

    private final AtomicLong nanos = new AtomicLong();
    /** Renewals asked for and not yet run: the test runs them when it wants the renewal to have arrived. */
    private final List<Runnable> renewals = new ArrayList<>();
    private final MintedTokens tokens = tokens(renewals::add);
    private final InternalIdentity apiKey = new InternalIdentity(UUID.randomUUID(), UUID.randomUUID().toString(),
            PrincipalType.API_KEY, Set.of(), Set.of("messages:send"), UUID.randomUUID(), "basic");

    private MintedTokens tokens(Executor executor) {
        return new MintedTokens(new InternalTokenIssuer(InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()),
                LIFETIME, Clock.systemUTC()), LIFETIME, 1000, nanos::get, executor);
    }

    @Test
    void aTokenIsReusedForTheSameIdentityForTwoThirdsOfItsLifetimeAtMost() {
        String first = tokens.tokenFor(apiKey).token();
        elapse(Duration.ofSeconds(39));
        assertThat(tokens.tokenFor(apiKey).token()).isEqualTo(first);

        elapse(Duration.ofSeconds(2));
        String renewed = tokens.tokenFor(apiKey).token();
        assertThat(renewed).as("the renewal asked for at 39 s never ran: the request signed").isNotEqualTo(first);
        assertThat(verifier().verify(renewed)).isEqualTo(apiKey);
    }

    @Test
    void fromHalfItsLifetimeTheSuccessorIsSignedInTheBackgroundThenAnnouncedAndUsedFromTwoThirdsOn() {
        String first = tokens.tokenFor(apiKey).token();
        elapse(Duration.ofSeconds(29));
        assertThat(tokens.tokenFor(apiKey)).extracting(MintedToken::token).isEqualTo(first);
        assertThat(renewals).isEmpty();

        elapse(Duration.ofSeconds(2));
        assertThat(tokens.tokenFor(apiKey).token()).isEqualTo(first);
        assertThat(tokens.tokenFor(apiKey).successor()).isNull();
        assertThat(renewals).hasSize(1);

        renewals.removeFirst().run();
        MintedToken announcing = tokens.tokenFor(apiKey);
        assertThat(announcing.token()).isEqualTo(first);
        assertThat(announcing.successor()).isNotNull();
        String next = announcing.successor().token();
        assertThat(next).isNotEqualTo(first);
        assertThat(verifier().verify(next)).isEqualTo(apiKey);
        elapse(Duration.ofSeconds(8));
        assertThat(tokens.tokenFor(apiKey).token()).isEqualTo(first);

        elapse(Duration.ofSeconds(2));
        MintedToken switched = tokens.tokenFor(apiKey);
        assertThat(switched.token()).as("the announced successor, not one signed by the request").isEqualTo(next);
        assertThat(switched.successor()).isNull();
        assertThat(renewals).isEmpty();

        // The successor's lifetime counts from its own signing (at 31 s): half of it is reached at 61 s.
        elapse(Duration.ofSeconds(19));
        assertThat(tokens.tokenFor(apiKey).token()).isEqualTo(next);
        assertThat(renewals).isEmpty();
        elapse(Duration.ofSeconds(2));
        assertThat(tokens.tokenFor(apiKey).token()).isEqualTo(next);
        assertThat(renewals).hasSize(1);
    }

    @Test
    void aRenewalThatNeverArrivesLeavesTheRequestPastTheReusePeriodToSignOne() {
        MintedTokens refusing = tokens(task -> {
            throw new RejectedExecutionException("full");
        });
        String first = refusing.tokenFor(apiKey).token();
        elapse(Duration.ofSeconds(31));
        assertThat(refusing.tokenFor(apiKey).token()).isEqualTo(first);
        elapse(Duration.ofSeconds(8));
        assertThat(refusing.tokenFor(apiKey).token()).isEqualTo(first);

        elapse(Duration.ofSeconds(2));
        String signedByTheRequest = refusing.tokenFor(apiKey).token();
        assertThat(signedByTheRequest).isNotEqualTo(first);
        assertThat(verifier().verify(signedByTheRequest)).isEqualTo(apiKey);
    }

    @Test
    void aSuccessorThatArrivesAfterARequestSignedOneItselfIsDropped() {
        String first = tokens.tokenFor(apiKey).token();
        elapse(Duration.ofSeconds(31));
        tokens.tokenFor(apiKey);
        elapse(Duration.ofSeconds(10));
        String signedByTheRequest = tokens.tokenFor(apiKey).token();
        assertThat(signedByTheRequest).isNotEqualTo(first);

        renewals.removeFirst().run();

        MintedToken current = tokens.tokenFor(apiKey);
        assertThat(current.token()).isEqualTo(signedByTheRequest);
        assertThat(current.successor()).isNull();
    }

    @Test
    void anotherIdentityOrPlanGetsItsOwnToken() {
        UUID tenant = UUID.randomUUID();
        InternalIdentity basic = new InternalIdentity(tenant, "user-1", PrincipalType.USER, Set.of("OWNER"), Set.of(),
                null, "basic");
        InternalIdentity pro = new InternalIdentity(tenant, "user-1", PrincipalType.USER, Set.of("OWNER"), Set.of(),
                null, "pro");
        assertThat(tokens.tokenFor(basic).token()).isNotEqualTo(tokens.tokenFor(pro).token());
    }

    private void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static InternalTokenVerifier verifier() {
        return new InternalTokenVerifier(InternalTokens.publicKey(TestIdentityKeys.publicKeyBase64()),
                Clock.systemUTC());
    }
}
