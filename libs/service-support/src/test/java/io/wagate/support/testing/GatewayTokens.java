package io.wagate.support.testing;

import io.wagate.support.identity.InternalIdentity;
import io.wagate.support.identity.InternalTokenIssuer;
import io.wagate.support.identity.InternalTokens;
import io.wagate.support.identity.PrincipalType;
import io.wagate.testsupport.TestIdentityKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Internal identity tokens as the gateway would forward them, for a service's tests: signed with the test JVM's
 * identity key ({@link TestIdentityKeys}), which every Spring test context trusts. Valid for ten minutes, longer than
 * any test.
 */
public final class GatewayTokens {

    private static final InternalTokenIssuer ISSUER = new InternalTokenIssuer(
            InternalTokens.privateKey(TestIdentityKeys.privateKeyBase64()), Duration.ofMinutes(10), Clock.systemUTC());

    private GatewayTokens() {
    }

    public static String of(InternalIdentity identity) {
        return ISSUER.issue(identity);
    }

    /** A signed-in user of the tenant (on the basic plan) with these tenant roles. */
    public static String user(UUID tenantId, UUID userId, String... roles) {
        return of(new InternalIdentity(tenantId, userId.toString(), PrincipalType.USER, Set.of(roles), Set.of(), null,
                "basic"));
    }

    /** A user of the tenant with a fresh user id. */
    public static String user(UUID tenantId, String... roles) {
        return user(tenantId, UUID.randomUUID(), roles);
    }

    /** A new API key of the tenant (on the basic plan) for one instance, with these scopes. */
    public static String apiKey(UUID tenantId, @Nullable UUID instanceId, String... scopes) {
        return of(new InternalIdentity(tenantId, "key-" + UUID.randomUUID(), PrincipalType.API_KEY, Set.of(),
                Set.of(scopes), instanceId, "basic"));
    }
}
