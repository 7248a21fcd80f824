package org.statelessmcp.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Strings in this instance's memory, for a server without a distributed cache: the same contract as a shared map
 * (atomic replace, entries expiring a fixed time after they were created, as the shared ones do), seen by this
 * instance only.
 */
public final class LocalStrings implements SharedStrings {

    /** Expired entries are also dropped every this many writes, not only when read. */
    private static final int PURGE_EVERY = 256;

    private record Entry(String value, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final long expiryMillis;
    private final Clock clock;

    public LocalStrings(Duration expiry, Clock clock) {
        this.expiryMillis = expiry.toMillis();
        this.clock = clock;
    }

    @Override
    public Map<String, String> getAll(Set<String> keys) {
        long now = clock.millis();
        Map<String, String> found = new HashMap<>();
        for (String key : keys) {
            Entry entry = entries.get(key);
            if (entry != null && entry.expiresAt() > now) {
                found.put(key, entry.value());
            }
        }
        return found;
    }

    @Override
    public void put(String key, String value) {
        entries.put(key, new Entry(value, clock.millis() + expiryMillis));
        purgeEveryFewWrites();
    }

    @Override
    public boolean replace(String key, String expected, String next) {
        long now = clock.millis();
        boolean[] replaced = {false};
        entries.computeIfPresent(key, (k, entry) -> {
            if (entry.expiresAt() <= now) {
                return null;
            }
            if (!entry.value().equals(expected)) {
                return entry;
            }
            replaced[0] = true;
            // a replaced value keeps its creation's expiry, as JCache's created-expiry policy does
            return new Entry(next, entry.expiresAt());
        });
        return replaced[0];
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    private void purgeEveryFewWrites() {
        if (writes.incrementAndGet() % PURGE_EVERY == 0) {
            long now = clock.millis();
            entries.values().removeIf(entry -> entry.expiresAt() <= now);
        }
    }
}
