package io.wagate.gateway.apikey.internal;

import io.wagate.gateway.apikey.ApiKeyGrant;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Active grants this replica verified a moment ago, so that a busy key costs neither a Redis round trip nor a decode
 * on every request. Other replicas do not hear of a revocation (one consumer group serves all of them, since the
 * shared cache lives in Redis), so entries live well under a second: a revoked key is refused everywhere within
 * that. Bounded: the table is emptied when it is full, which costs one Redis read per key.
 */
public final class RecentGrants {

    private record Entry(ApiKeyGrant grant, long expiresAtNanos) {
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

    /** The grant verified under this cache key less than the ttl ago. */
    public Optional<ApiKeyGrant> get(String cacheKey) {
        Entry entry = entries.get(cacheKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(cacheKey, entry);
            return Optional.empty();
        }
        return Optional.of(entry.grant());
    }

    public void put(String cacheKey, ApiKeyGrant grant) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(cacheKey, new Entry(grant, nanoTime.getAsLong() + ttlNanos));
    }

    /** Forgets every grant of the key (a revocation this replica heard of). */
    public void evict(UUID keyId) {
        entries.values().removeIf(entry -> entry.grant().keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
