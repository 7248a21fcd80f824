package org.statelessmcp.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.infinispan.commons.api.BasicCache;

/**
 * Shared maps in one Infinispan cache of WildFly's {@code infinispan} subsystem: each map's keys carry its name as a
 * prefix, and every entry its own lifespan. Conditional writes ({@code putIfAbsent}, {@code replace(key, old,
 * new)}) run on the key's primary owner, so they are atomic across the cluster.
 *
 * <p>Loaded only once the cache was found: servers without WildFly's Infinispan never load it.
 */
final class InfinispanStore implements SharedStore {

    private final BasicCache<String, Object> cache;
    private final String description;

    InfinispanStore(BasicCache<String, Object> cache, String description) {
        this.cache = cache;
        this.description = description;
    }

    @Override
    public SharedCounters counters(String name, Duration expiry) {
        String prefix = name + '|';
        long lifespan = expiry.toMillis();
        return new SharedCounters() {
            @Override
            public long get(String key) {
                Object count = cache.get(prefix + key);
                return count == null ? 0 : (Long) count;
            }

            @Override
            public boolean compareAndSet(String key, long expected, long next) {
                return expected == 0
                        ? cache.putIfAbsent(prefix + key, next, lifespan, TimeUnit.MILLISECONDS) == null
                        : cache.replace(prefix + key, expected, next, lifespan, TimeUnit.MILLISECONDS);
            }
        };
    }

    @Override
    public SharedStrings strings(String name, Duration expiry) {
        String prefix = name + '|';
        long lifespan = expiry.toMillis();
        return new SharedStrings() {
            @Override
            public Map<String, String> getAll(Set<String> keys) {
                Map<String, String> found = new HashMap<>();
                for (String key : keys) {
                    Object value = cache.get(prefix + key);
                    if (value != null) {
                        found.put(key, (String) value);
                    }
                }
                return found;
            }

            @Override
            public void put(String key, String value) {
                cache.put(prefix + key, value, lifespan, TimeUnit.MILLISECONDS);
            }

            @Override
            public boolean replace(String key, String expected, String next) {
                return cache.replace(prefix + key, expected, next, lifespan, TimeUnit.MILLISECONDS);
            }

            @Override
            public void remove(String key) {
                cache.remove(prefix + key);
            }
        };
    }

    @Override
    public void probe() {
        cache.containsKey("smcp-readiness-probe");
    }

    @Override
    public String describe() {
        return description;
    }
}
