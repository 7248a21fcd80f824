package org.statelessmcp.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * Shared maps as JCache caches, one per name, made on first use by whichever instance comes first, with a
 * created-expiry policy. Payara's JCache is its Hazelcast data grid; on Open Liberty, the provider an operator
 * installs as a server library. {@code putIfAbsent} and {@code replace(key, old, new)} are atomic across the cluster.
 *
 * <p>Loaded only once {@code javax.cache} is known to be there: servers without JCache never load it.
 */
final class JCacheStore implements SharedStore {

    private static final String PROBE_CACHE = "smcp-readiness";

    private final CacheManager manager;
    private final String description;
    private final boolean runsProcessors;
    private final Runnable release;
    private final Cache<String, String> probe;

    /**
     * @param runsProcessors whether every member can load this WAR's entry processors: the container's cache can; a
     *        provider in a server library loads classes through its own class loader, which does not see the WAR
     * @param release what {@link #release()} does
     */
    JCacheStore(CacheManager manager, String description, boolean runsProcessors, Runnable release) {
        this.manager = manager;
        this.description = description;
        this.runsProcessors = runsProcessors;
        this.release = release;
        this.probe = cache(PROBE_CACHE, String.class, Duration.ofMinutes(1));
    }

    @Override
    public SharedCounters counters(String name, Duration expiry) {
        return new JCacheCounters(cache(name, Long.class, expiry), runsProcessors);
    }

    @Override
    public void release() {
        release.run();
    }

    @Override
    public SharedStrings strings(String name, Duration expiry) {
        return new Strings(cache(name, String.class, expiry));
    }

    @Override
    public void probe() {
        probe.containsKey("probe");
    }

    @Override
    public String describe() {
        return description;
    }

    private <V> Cache<String, V> cache(String name, Class<V> type, Duration expiry) {
        Cache<String, V> cache = manager.getCache(name, String.class, type);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<String, V>()
                    .setTypes(String.class, type)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, expiry.toMillis()))));
        } catch (CacheException createdMeanwhile) {
            // another instance created it first
            return manager.getCache(name, String.class, type);
        }
    }

    private record Strings(Cache<String, String> cache) implements SharedStrings {

        @Override
        public Map<String, String> getAll(Set<String> keys) {
            return new HashMap<>(cache.getAll(keys));
        }

        @Override
        public void put(String key, String value) {
            cache.put(key, value);
        }

        @Override
        public boolean replace(String key, String expected, String next) {
            return cache.replace(key, expected, next);
        }

        @Override
        public void remove(String key) {
            cache.remove(key);
        }
    }
}
