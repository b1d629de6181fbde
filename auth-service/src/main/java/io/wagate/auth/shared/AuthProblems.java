package io.wagate.auth.shared;

import io.wagate.support.web.ApiProblem;
import io.wagate.support.web.ProblemTypes;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The domain problem types auth-service adds to the platform's list (docs/api/problems.md). */
public final class AuthProblems {

    public static final URI INVALID_CREDENTIALS = ProblemTypes.of("invalid-credentials");
    public static final URI LOGIN_THROTTLED = ProblemTypes.of("login-throttled");
    public static final URI INVALID_REFRESH_TOKEN = ProblemTypes.of("invalid-refresh-token");
    public static final URI WEAK_PASSWORD = ProblemTypes.of("weak-password");
    public static final URI EMAIL_TAKEN = ProblemTypes.of("email-taken");
    public static final URI LAST_OWNER = ProblemTypes.of("last-owner");
    public static final URI INVALID_INVITE = ProblemTypes.of("invalid-invite");

    private AuthProblems() {
    }

    /** One answer for an unknown email and a wrong password, so the answer does not reveal which accounts exist. */
    public static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS, "Invalid credentials",
                "The email or password is not correct");
    }

    public static ApiProblem loginThrottled(Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, LOGIN_THROTTLED, "Too many failed logins",
                "Sign-in is paused after repeated failures; try again later", Map.of("retryAfterSeconds", seconds),
                headers);
    }

    public static ApiProblem invalidRefreshToken() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, INVALID_REFRESH_TOKEN, "Invalid refresh token",
                "The refresh token is unknown, expired, revoked or already used; sign in again");
    }

    public static ApiProblem weakPassword(String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, WEAK_PASSWORD, "Weak password", reason);
    }

    public static ApiProblem emailTaken() {
        return new ApiProblem(HttpStatus.CONFLICT, EMAIL_TAKEN, "Email already registered",
                "An account with this email exists; sign in or ask for an invite");
    }

    public static ApiProblem lastOwner() {
        return new ApiProblem(HttpStatus.CONFLICT, LAST_OWNER, "Last owner",
                "A tenant keeps at least one OWNER: promote another member first");
    }

    public static ApiProblem invalidInvite() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, INVALID_INVITE, "Invalid invite",
                "The invite is unknown, expired or already used");
    }
}
