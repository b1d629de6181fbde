package io.wagate.auth.throttle;

import io.wagate.auth.shared.Secrets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts failed logins per account and per client address and locks them with a growing lockout. Emails are
 * hashed in key names so that Redis holds no addresses. Unknown emails are counted like known ones: the lockout
 * must not reveal which accounts exist.
 */
@Component
public class LoginThrottle {

    private static final String PREFIX = "auth:login:";

    private final ReactiveStringRedisTemplate redis;
    private final ThrottleProperties properties;

    LoginThrottle(ReactiveStringRedisTemplate redis, ThrottleProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** A lock that was set by a failure: what locked and for how long. */
    public record Lockout(String subject, Duration duration) {
    }

    /** How long the account or the address is still locked, if either is. */
    public Mono<Optional<Duration>> lockedFor(String email, String address) {
        return Mono.zip(remaining(lockKey(account(email))), remaining(lockKey(address(address))))
                .map(both -> {
                    Duration longest = both.getT1().compareTo(both.getT2()) >= 0 ? both.getT1() : both.getT2();
                    return longest.isPositive() ? Optional.of(longest) : Optional.<Duration>empty();
                });
    }

    /** Counts a failure for both; answers the locks it set (empty when none). */
    public Mono<Optional<Lockout>> recordFailure(String email, String address) {
        Mono<Optional<Lockout>> accountLock = fail(account(email), properties.accountThreshold())
                .map(duration -> duration.map(d -> new Lockout("account", d)));
        Mono<Optional<Lockout>> addressLock = fail(address(address), properties.addressThreshold())
                .map(duration -> duration.map(d -> new Lockout("address", d)));
        return Mono.zip(accountLock, addressLock)
                .map(both -> both.getT1().isPresent() ? both.getT1() : both.getT2());
    }

    /** A successful login clears the account's failures (not the address's: one good account must not reset it). */
    public Mono<Void> recordSuccess(String email) {
        String subject = account(email);
        return redis.delete(failKey(subject), strikeKey(subject), lockKey(subject)).then();
    }

    private Mono<Optional<Duration>> fail(String subject, int threshold) {
        return redis.opsForValue().increment(failKey(subject))
                .flatMap(count -> redis.expire(failKey(subject), properties.failureWindow()).thenReturn(count))
                .flatMap(count -> count < threshold ? Mono.just(Optional.<Duration>empty())
                        : redis.opsForValue().increment(strikeKey(subject))
                                .flatMap(strikes -> redis.expire(strikeKey(subject), properties.failureWindow())
                                        .thenReturn(lockout(strikes)))
                                .flatMap(lock -> redis.opsForValue().set(lockKey(subject), "1", lock)
                                        .thenReturn(Optional.of(lock))));
    }

    /** base * 2^(strikes-1), capped; the shift is bounded so the multiplication cannot overflow. */
    Duration lockout(long strikes) {
        long factor = 1L << Math.min(strikes - 1, 20);
        Duration lock = properties.baseLockout().multipliedBy(factor);
        return lock.compareTo(properties.maxLockout()) > 0 ? properties.maxLockout() : lock;
    }

    private Mono<Duration> remaining(String key) {
        return redis.getExpire(key).defaultIfEmpty(Duration.ZERO)
                .map(ttl -> ttl.isNegative() ? Duration.ZERO : ttl);
    }

    private static String account(String email) {
        return "acct:" + HexFormat.of().formatHex(Secrets.sha256(email.toLowerCase(Locale.ROOT)));
    }

    private static String address(String address) {
        return "addr:" + address;
    }

    private static String failKey(String subject) {
        return PREFIX + "fail:" + subject;
    }

    private static String strikeKey(String subject) {
        return PREFIX + "strikes:" + subject;
    }

    private static String lockKey(String subject) {
        return PREFIX + "lock:" + subject;
    }
}
