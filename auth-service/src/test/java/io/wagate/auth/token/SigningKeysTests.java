package io.wagate.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.jsonwebtoken.Jwts;
import io.wagate.auth.membership.Membership;
import io.wagate.auth.shared.Role;
import io.wagate.auth.token.internal.EcKeys;
import io.wagate.auth.token.internal.LocalSigningKeyStore;
import io.wagate.auth.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Configured keys: the first signs, all are published (rotation), and no key at all refuses to start. */
class SigningKeysTests {

    private final LocalSigningKeyStore store = mock(LocalSigningKeyStore.class);

    @Test
    void theFirstConfiguredKeySignsAndAllArePublished() {
        SigningProperties properties = new SigningProperties(List.of(key("2026-11"), key("2026-10")), false);
        SigningKeys keys = new SigningKeys(properties, store, new MockEnvironment());

        assertThat(keys.published().block()).extracting(SigningKey::kid).containsExactly("2026-11", "2026-10");
        assertThat(keys.active().block().kid()).isEqualTo("2026-11");
        verifyNoInteractions(store);

        AccessTokens tokens = new AccessTokens(keys, new TokenProperties("wagate-auth", Duration.ofMinutes(10),
                Duration.ofDays(30)));
        UserAccount user = new UserAccount(UUID.randomUUID(), "op@example.com", "Op", "hash", true);
        Membership membership = new Membership(UUID.randomUUID(), "Org", user.id(), Role.ADMIN, Instant.now());
        String token = tokens.issue(user, membership).block().token();
        var parsed = Jwts.parser().verifyWith(keys.active().block().publicKey()).build().parseSignedClaims(token);
        assertThat(parsed.getHeader().getKeyId()).isEqualTo("2026-11");
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo("ES256");
        assertThat(parsed.getPayload().get("rol", List.class)).containsExactly("ADMIN", "OPERATOR");
    }

    @Test
    void withoutKeysOutsideALocalRunTheServiceDoesNotStart() {
        assertThatThrownBy(() -> new SigningKeys(new SigningProperties(List.of(), false), store, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wagate.auth.signing.keys");
        new SigningKeys(new SigningProperties(List.of(), false), store,
                new MockEnvironment().withProperty("wagate.profile", "local"));
    }

    @Test
    void keysThatAreNotP256AreRefused() {
        String ed25519 = Base64.getEncoder().encodeToString(
                io.wagate.support.identity.InternalTokens.generateKeyPair().getPrivate().getEncoded());
        assertThatThrownBy(() -> EcKeys.fromPkcs8("bad", ed25519)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SigningProperties.Key key(String kid) {
        return new SigningProperties.Key(kid, Base64.getEncoder().encodeToString(EcKeys.generate().getPrivate()
                .getEncoded()));
    }
}
