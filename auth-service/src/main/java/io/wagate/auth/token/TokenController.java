package io.wagate.auth.token;

import io.wagate.auth.shared.ClientAddress;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/login}, {@code /refresh}, {@code /logout} (all public paths). */
@RestController
class TokenController {

    private final LoginService login;
    private final RefreshService refresh;

    TokenController(LoginService login, RefreshService refresh) {
        this.login = login;
        this.refresh = refresh;
    }

    @PostMapping("/api/auth/login")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequests.Login request, ServerHttpRequest http) {
        return login.login(request, ClientAddress.of(http));
    }

    @PostMapping("/api/auth/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody LoginRequests.Refresh request, ServerHttpRequest http) {
        return refresh.refresh(request.refreshToken(), ClientAddress.of(http));
    }

    /** Revokes the token's whole family; answers 204 for unknown tokens too, so logging out twice is harmless. */
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody LoginRequests.Refresh request) {
        return refresh.logout(request.refreshToken());
    }
}
