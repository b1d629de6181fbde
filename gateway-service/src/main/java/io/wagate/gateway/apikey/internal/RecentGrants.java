package io.wagate.gateway.apikey.internal;

import io.wagate.gateway.apikey.ApiKeyGrant;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Active grants this replica verified a moment ago, so that a busy key costs neither a Redis round trip nor a decode
 * on every request. Other replicas do not hear of a revocation (one consumer group serves all of them, since the
 * shared cache lives in Redis), so entries live well under a second: a revoked key is refused everywhere within
 * that. An expired entry stays as the key's last known grant ({@link #lastKnown}). Bounded: the table is emptied when
 * it is full, which costs one Redis read per key.
 *
 * <p>Verified again ahead of expiry: past half its lifetime, an entry asks one request (and only one) to look the key
 * up again in the background ({@link Recent#refreshDue()}) while it and the others go on with the grant they have.
 * Without that, every request of a busy key arriving during the lookup that follows the expiry waited for it, twice
 * a second. A grant is still never used longer than the lifetime after it was last verified.
 */
public final class RecentGrants {

    private record Entry(ApiKeyGrant grant, long refreshAtNanos, long expiresAtNanos, boolean refreshClaimed) {
    }

    /**
     * A grant verified less than the lifetime ago.
     *
     * @param refreshDue whether the caller should verify the key again now, in the background
     */
    public record Recent(ApiKeyGrant grant, boolean refreshDue) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public RecentGrants(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The grant verified under this cache key less than the lifetime ago, or null. */
    public @Nullable Recent get(String cacheKey) {
        Entry entry = entries.get(cacheKey);
        if (entry == null) {
            return null;
        }
        long now = nanoTime.getAsLong();
        if (now - entry.expiresAtNanos() >= 0) {
            // Kept as the key's last known grant (lastKnown) until the key is verified again.
            return null;
        }
        boolean refreshDue = !entry.refreshClaimed() && now - entry.refreshAtNanos() >= 0
                && entries.replace(cacheKey, entry,
                        new Entry(entry.grant(), entry.refreshAtNanos(), entry.expiresAtNanos(), true));
        return new Recent(entry.grant(), refreshDue);
    }

    /**
     * The grant last verified under this cache key, however long ago, until the key is found inactive or revoked or
     * the table starts over: a hint for work that may start while the key is verified again, never an authorization.
     */
    public @Nullable ApiKeyGrant lastKnown(String cacheKey) {
        Entry entry = entries.get(cacheKey);
        return entry == null ? null : entry.grant();
    }

    public void put(String cacheKey, ApiKeyGrant grant) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        long now = nanoTime.getAsLong();
        entries.put(cacheKey, new Entry(grant, now + ttlNanos / 2, now + ttlNanos, false));
    }

    /** Forgets the grant under this cache key (a lookup found the key no longer active). */
    public void forget(String cacheKey) {
        entries.remove(cacheKey);
    }

    /** Forgets every grant of the key (a revocation this replica heard of). */
    public void evict(UUID keyId) {
        entries.values().removeIf(entry -> entry.grant().keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
