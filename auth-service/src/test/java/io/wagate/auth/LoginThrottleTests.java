package io.wagate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.ProblemDetail;

class LoginThrottleTests extends AuthIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        Account account = register();
        ProblemDetail wrongPassword = login(account.email(), "wrong password!!", randomAddress())
                .expectStatus().isUnauthorized().expectBody(ProblemDetail.class).returnResult().getResponseBody();
        ProblemDetail unknownEmail = login(uniqueEmail(), "wrong password!!", randomAddress())
                .expectStatus().isUnauthorized().expectBody(ProblemDetail.class).returnResult().getResponseBody();
        assertThat(unknownEmail.getType()).isEqualTo(wrongPassword.getType())
                .hasToString("https://wagate.io/problems/invalid-credentials");
        assertThat(unknownEmail.getTitle()).isEqualTo(wrongPassword.getTitle());
        assertThat(unknownEmail.getDetail()).isEqualTo(wrongPassword.getDetail());
        assertThat(unknownEmail.getStatus()).isEqualTo(wrongPassword.getStatus());
        assertThat(count("audit_log WHERE type = 'login_failed' AND details->>'email' = '" + account.email() + "'"))
                .isEqualTo(1);
    }

    @Test
    void unknownEmailCostsAboutAsMuchTimeAsAWrongPassword() {
        Account account = register();
        // Warm up both paths once, then compare medians of a few attempts.
        login(account.email(), "wrong password!!", randomAddress());
        login(uniqueEmail(), "wrong password!!", randomAddress());
        long known = medianNanos(() -> login(account.email(), "wrong password!!", randomAddress()));
        long unknown = medianNanos(() -> login(uniqueEmail(), "wrong password!!", randomAddress()));
        // Both run one bcrypt check and the same queries (PasswordHasherTests compares the checks at a higher cost);
        // bounds are wide because this machine also runs other builds.
        assertThat((double) unknown / known).isBetween(0.25, 4.0);
    }

    @Test
    void accountLocksAfterFiveFailuresAndTheLockoutGrows() {
        Account account = register();
        for (int i = 0; i < 5; i++) {
            login(account.email(), "wrong password!!", randomAddress()).expectStatus().isUnauthorized();
        }
        // Locked: even the right password from a fresh address is refused, with the lock's remaining time.
        var locked = login(account.email(), PASSWORD, randomAddress()).expectStatus().isEqualTo(429);
        long first = retryAfter(locked);
        assertThat(first).isBetween(55L, 60L);
        assertThat(count("audit_log WHERE type = 'account_locked' AND actor = 'user:" + account.userId() + "'"))
                .isEqualTo(1);

        // Let the first lock run out (instead of waiting a minute), then fail once more: twice as long.
        expireLocks();
        login(account.email(), "wrong password!!", randomAddress()).expectStatus().isUnauthorized();
        long second = retryAfter(login(account.email(), PASSWORD, randomAddress()).expectStatus().isEqualTo(429));
        assertThat(second).isBetween(115L, 120L);
        expireLocks();
        login(account.email(), "wrong password!!", randomAddress()).expectStatus().isUnauthorized();
        long third = retryAfter(login(account.email(), PASSWORD, randomAddress()).expectStatus().isEqualTo(429));
        assertThat(third).isBetween(235L, 240L);

        // After the lock, a correct password signs in and clears the account's record.
        expireLocks();
        login(account.email(), PASSWORD, randomAddress()).expectStatus().isOk();
        login(account.email(), "wrong password!!", randomAddress()).expectStatus().isUnauthorized();
        login(account.email(), PASSWORD, randomAddress()).expectStatus().isOk();
    }

    @Test
    void unknownEmailsLockTheSameWay() {
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password!!", randomAddress()).expectStatus().isUnauthorized();
        }
        login(email, "wrong password!!", randomAddress()).expectStatus().isEqualTo(429).expectBody()
                .jsonPath("$.type").isEqualTo("https://wagate.io/problems/login-throttled");
    }

    @Test
    void oneAddressIsLockedAfterTwentyFailuresAcrossAccounts() {
        String address = randomAddress();
        for (int i = 0; i < 20; i++) {
            login(uniqueEmail(), "wrong password!!", address).expectStatus().isUnauthorized();
        }
        Account account = register();
        login(account.email(), PASSWORD, address).expectStatus().isEqualTo(429);
        login(account.email(), PASSWORD, randomAddress()).expectStatus().isOk();
    }

    private void expireLocks() {
        Set<String> keys = redis.keys("auth:login:lock:*").collect(java.util.stream.Collectors.toSet())
                .block(Duration.ofSeconds(5));
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys.toArray(String[]::new)).block(Duration.ofSeconds(5));
        }
    }

    private static long retryAfter(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        var result = response.expectBody(ProblemDetail.class).returnResult();
        assertThat(result.getResponseBody().getType()).hasToString("https://wagate.io/problems/login-throttled");
        return Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"));
    }

    private static long medianNanos(Runnable attempt) {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            attempt.run();
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

}
