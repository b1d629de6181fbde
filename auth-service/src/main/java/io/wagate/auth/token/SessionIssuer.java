package io.wagate.auth.token;

import io.wagate.auth.membership.Membership;
import io.wagate.auth.shared.Ids;
import io.wagate.auth.token.internal.RefreshTokenStore;
import io.wagate.auth.user.UserAccount;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Pairs an access token with a refresh token of a (new or continued) family. */
@Component
class SessionIssuer {

    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final TokenProperties properties;

    SessionIssuer(AccessTokens accessTokens, RefreshTokenStore refreshTokens, TokenProperties properties) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
    }

    Mono<TokenResponse> start(UserAccount user, Membership membership) {
        // A login starts a family: every token rotated from this one shares its id, so reuse can revoke them all.
        return continueFamily(Ids.newId(), user, membership);
    }

    Mono<TokenResponse> continueFamily(UUID familyId, UserAccount user, Membership membership) {
        return refreshTokens.issue(familyId, user.id(), membership.tenantId(),
                        Instant.now().plus(properties.refreshTokenTtl()))
                .zipWith(accessTokens.issue(user, membership))
                .map(both -> new TokenResponse(both.getT2().token(), "Bearer", both.getT2().expiresIn(), both.getT1(),
                        membership.tenantId()));
    }
}
