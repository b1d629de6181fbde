package io.wagate.support.identity;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Internal identity settings.
 *
 * @param verify whether this service verifies tokens on its protected paths (every service but the gateway)
 * @param publicKey the gateway's Ed25519 public key (Base64 of X.509 DER); every service needs it
 * @param privateKey the gateway's private key (Base64 of PKCS#8 DER); only the gateway has it
 * @param tokenTtl lifetime of a minted token: long enough for one request's hops, short enough to be useless if leaked
 * @param protectedPaths path patterns that require a token
 * @param publicPaths patterns inside the protected ones that do not (sign-up, login, token refresh)
 * @param warmUpRounds signatures made (the gateway) or checked (the services) with a throwaway key right after
 *     startup, on a background thread, so that the JIT has compiled that code before the first real token (0: none)
 */
@ConfigurationProperties("wagate.identity")
public record IdentityProperties(
        @DefaultValue("true") boolean verify,
        @Nullable String publicKey,
        @Nullable String privateKey,
        @DefaultValue("60s") Duration tokenTtl,
        @DefaultValue("/api/**") List<String> protectedPaths,
        @DefaultValue({}) List<String> publicPaths,
        @DefaultValue("2000") int warmUpRounds) {
}
