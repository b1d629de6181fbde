package io.wagate.auth.token;

import io.jsonwebtoken.Jwts;
import io.wagate.auth.membership.Membership;
import io.wagate.auth.user.UserAccount;
import io.wagate.support.identity.InternalIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Mints access tokens: ES256, {@code kid} header, {@code iss/sub/tid/rol/email/iat/exp/jti}. */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, TokenProperties properties) {
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** A token and its lifetime in seconds. */
    public record AccessToken(String token, long expiresIn) {
    }

    public Mono<AccessToken> issue(UserAccount user, Membership membership) {
        List<String> roles = new ArrayList<>(List.of(membership.role().name()));
        if (user.operator()) {
            roles.add(InternalIdentity.OPERATOR);
        }
        Instant now = clock.instant();
        return keys.active().map(key -> new AccessToken(Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(properties.accessTokenTtl())))
                .claim("tid", membership.tenantId().toString())
                .claim("rol", roles)
                .claim("email", user.email())
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact(), properties.accessTokenTtl().toSeconds()));
    }
}
