package io.wagate.auth.password;

import io.wagate.auth.shared.Secrets;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes and checks passwords off the event loop (bcrypt is deliberately slow). The password is first reduced to
 * Base64(SHA-256), 44 ASCII characters, because bcrypt ignores everything after 72 bytes and a 128-character
 * passphrase must count in full.
 */
@Component
public class PasswordHasher {

    private final BCryptPasswordEncoder bcrypt;
    private final Scheduler scheduler = Schedulers.boundedElastic();
    /** Checked when the account does not exist, so that an unknown email costs as much time as a wrong password. */
    private final String dummyHash;

    PasswordHasher(PasswordProperties properties) {
        this.bcrypt = new BCryptPasswordEncoder(properties.bcryptCost());
        this.dummyHash = bcrypt.encode(prehash(Secrets.opaqueToken()));
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> bcrypt.encode(prehash(password))).subscribeOn(scheduler);
    }

    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> bcrypt.matches(prehash(password), hash)).subscribeOn(scheduler);
    }

    /** Spends the time of one check and answers false. */
    public Mono<Boolean> matchesNothing(String password) {
        return matches(password, dummyHash).map(ignored -> false);
    }

    private static String prehash(String password) {
        return Base64.getEncoder().encodeToString(Secrets.sha256(password));
    }
}
