package io.wagate.support.identity;

import io.jsonwebtoken.Jwts;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints internal identity tokens. Only the gateway holds the private key. */
public final class InternalTokenIssuer {

    private final PrivateKey key;
    private final Duration ttl;
    private final Clock clock;

    public InternalTokenIssuer(PrivateKey key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
    }

    public String issue(InternalIdentity identity) {
        Instant now = clock.instant();
        var builder = Jwts.builder()
                .issuer(InternalTokens.ISSUER)
                .audience().add(InternalTokens.AUDIENCE).and()
                .subject(identity.principalId())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .claim(Claims.TENANT, identity.tenantId().toString())
                .claim(Claims.PRINCIPAL_TYPE, identity.principalType().name())
                .claim(Claims.ROLES, identity.roles().stream().sorted().toList())
                .claim(Claims.SCOPES, identity.scopes().stream().sorted().toList())
                .claim(Claims.PLAN, identity.plan());
        if (identity.instanceId() != null) {
            builder.claim(Claims.INSTANCE, identity.instanceId().toString());
        }
        return builder.signWith(key, Jwts.SIG.EdDSA).compact();
    }

    static final class Claims {
        static final String TENANT = "tid";
        static final String PRINCIPAL_TYPE = "pty";
        static final String ROLES = "rol";
        static final String SCOPES = "scp";
        static final String INSTANCE = "iid";
        static final String PLAN = "pln";

        private Claims() {
        }
    }
}
