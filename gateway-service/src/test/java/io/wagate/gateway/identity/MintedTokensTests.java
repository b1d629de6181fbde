package io.wagate.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokenVerifier;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.identity.PrincipalType;
import io.wagate.testsupport.TestIdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MintedTokensTests {

    private final AtomicLong nanos = new AtomicLong();
    private final MintedTokens tokens = new MintedTokens(new InternalTokenIssuer(
            InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()), Duration.ofSeconds(60), Clock.systemUTC()),
            Duration.ofSeconds(60), 1000, nanos::get);

    @Test
    void aTokenIsReusedForTheSameIdentityForHalfItsLifetime() {
        InternalIdentity key = new InternalIdentity(UUID.randomUUID(), UUID.randomUUID().toString(),
                PrincipalType.API_KEY, Set.of(), Set.of("messages:send"), UUID.randomUUID(), "basic");
        String first = tokens.tokenFor(key);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(tokens.tokenFor(key)).isEqualTo(first);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        String renewed = tokens.tokenFor(key);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(new InternalTokenVerifier(InternalTokens.publicKey(TestIdentityKeys.publicKeyBase64()),
                Clock.systemUTC()).verify(renewed)).isEqualTo(key);
    }

    @Test
    void anotherIdentityOrPlanGetsItsOwnToken() {
        UUID tenant = UUID.randomUUID();
        InternalIdentity basic = new InternalIdentity(tenant, "user-1", PrincipalType.USER, Set.of("OWNER"), Set.of(),
                null, "basic");
        InternalIdentity pro = new InternalIdentity(tenant, "user-1", PrincipalType.USER, Set.of("OWNER"), Set.of(),
                null, "pro");
        assertThat(tokens.tokenFor(basic)).isNotEqualTo(tokens.tokenFor(pro));
    }
}
