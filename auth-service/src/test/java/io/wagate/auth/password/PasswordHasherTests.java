package io.wagate.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.auth.shared.AuthProblems;
import io.wagate.support.web.ApiProblem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHasherTests {

    /** Cost 10 here (not the production 12) keeps this test near a second while still measuring real bcrypt work. */
    private final PasswordHasher hasher = new PasswordHasher(new PasswordProperties(10));

    @Test
    void longPassphrasesCountInFullDespiteBcrypts72ByteLimit() {
        String base = "x".repeat(80);
        String hash = hasher.hash(base + "a").block(Duration.ofSeconds(10));
        assertThat(hash).startsWith("$2a$10$");
        assertThat(hasher.matches(base + "a", hash).block(Duration.ofSeconds(10))).isTrue();
        assertThat(hasher.matches(base + "b", hash).block(Duration.ofSeconds(10))).isFalse();
    }

    @Test
    void anUnknownAccountCostsOneFullCheckToo() {
        String hash = hasher.hash("the real passphrase").block(Duration.ofSeconds(10));
        hasher.matchesNothing("warm up").block();
        long wrong = time(() -> hasher.matches("wrong passphrase", hash).block());
        long unknown = time(() -> hasher.matchesNothing("wrong passphrase").block());
        assertThat((double) unknown / wrong).isBetween(0.5, 2.0);
        assertThat(hasher.matchesNothing("anything").block()).isFalse();
    }

    @Test
    void policyRejectsCommonAndDegeneratePasswords() {
        PasswordPolicy policy = new PasswordPolicy();
        assertThatThrownBy(() -> policy.check("Password1234", "a@example.com")).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).getBody().getType()).isEqualTo(AuthProblems.WEAK_PASSWORD));
        assertThatThrownBy(() -> policy.check("abababababab", "a@example.com")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> policy.check("Me@Example.com", "me@example.com")).isInstanceOf(ApiProblem.class);
        policy.check("a sound passphrase", "a@example.com");
    }

    private static long time(Runnable check) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            check.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
