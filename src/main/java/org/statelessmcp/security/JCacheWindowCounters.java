package org.statelessmcp.security;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * Window counts in the container's JCache — on Payara, Hazelcast, shared by every instance of the cluster — one
 * cache per period, each entry expiring two periods after it was created. Keys are strings and counts
 * {@code Long}s, so no class of this WAR ever has to be known to a cluster member; {@code putIfAbsent} and
 * {@code replace(key, old, new)} are atomic across the cluster.
 *
 * <p>Loaded only by {@link #create()} through reflection: servers without JCache never load it.
 */
final class JCacheWindowCounters implements WindowCounters {

    static final String CACHE_PREFIX = "smcp-rate-windows-";

    private final Map<RateLimit.Period, Cache<String, Long>> caches;

    JCacheWindowCounters(Map<RateLimit.Period, Cache<String, Long>> caches) {
        this.caches = caches;
    }

    /** The counters over the container's cache manager, or {@code null} when the container offers none. */
    static WindowCounters create() {
        Instance<CacheManager> managers = CDI.current().select(CacheManager.class);
        if (!managers.isResolvable()) {
            return null;
        }
        CacheManager manager = managers.get();
        Map<RateLimit.Period, Cache<String, Long>> caches = new EnumMap<>(RateLimit.Period.class);
        for (RateLimit.Period period : RateLimit.Period.values()) {
            caches.put(period, cache(manager, period));
        }
        return new JCacheWindowCounters(caches);
    }

    private static Cache<String, Long> cache(CacheManager manager, RateLimit.Period period) {
        String name = CACHE_PREFIX + period.name().toLowerCase(Locale.ROOT);
        Cache<String, Long> cache = manager.getCache(name, String.class, Long.class);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<String, Long>()
                    .setTypes(String.class, Long.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new Duration(TimeUnit.MILLISECONDS, 2 * period.millis()))));
        } catch (CacheException createdMeanwhile) {
            // another instance created it first
            return manager.getCache(name, String.class, Long.class);
        }
    }

    @Override
    public long get(String key, RateLimit.Period period) {
        Long count = caches.get(period).get(key);
        return count == null ? 0 : count;
    }

    @Override
    public boolean compareAndSet(String key, RateLimit.Period period, long expected, long next) {
        Cache<String, Long> cache = caches.get(period);
        return expected == 0 ? cache.putIfAbsent(key, next) : cache.replace(key, expected, next);
    }

    /**
     * One cache operation instead of a get and a compare-and-set: the check and the addition run where the entry
     * lives. The processor's class is this WAR's; a member that cannot load it yet (in the moments after an
     * entry's owner died, measured on Payara) makes the operation fail, and the compare-and-set loop, which
     * ships only strings and longs, counts the request instead.
     */
    @Override
    public long addUpTo(String key, RateLimit.Period period, long cost, long ceiling) {
        try {
            return caches.get(period).invoke(key, new AddUpTo(cost, ceiling));
        } catch (RuntimeException failed) {
            // the cache's own failures reach the caller through the loop's operations, if they persist
            return WindowCounters.super.addUpTo(key, period, cost, ceiling);
        }
    }

    /** {@link WindowCounters#addUpTo} as an entry processor: serializable, made of two longs. */
    static final class AddUpTo implements EntryProcessor<String, Long, Long>, Serializable {
        private static final long serialVersionUID = 1L;
        private final long cost;
        private final long ceiling;

        AddUpTo(long cost, long ceiling) {
            this.cost = cost;
            this.ceiling = ceiling;
        }

        @Override
        public Long process(MutableEntry<String, Long> entry, Object... arguments) {
            long current = entry.exists() ? entry.getValue() : 0;
            if (current + cost > ceiling) {
                return -1 - current;
            }
            entry.setValue(current + cost);
            return current;
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String describe() {
        return "in the container's JCache (caches " + CACHE_PREFIX + "*), shared by every instance in its cluster";
    }
}
