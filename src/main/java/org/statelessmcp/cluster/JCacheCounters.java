package org.statelessmcp.cluster;

import java.io.Serializable;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/** Counts in one JCache cache; {@code Long} values, so any member can read them. */
final class JCacheCounters implements SharedCounters {

    private final Cache<String, Long> cache;
    private final boolean runsProcessors;

    JCacheCounters(Cache<String, Long> cache, boolean runsProcessors) {
        this.cache = cache;
        this.runsProcessors = runsProcessors;
    }

    @Override
    public long get(String key) {
        Long count = cache.get(key);
        return count == null ? 0 : count;
    }

    @Override
    public boolean compareAndSet(String key, long expected, long next) {
        return expected == 0 ? cache.putIfAbsent(key, next) : cache.replace(key, expected, next);
    }

    /**
     * One cache operation instead of a get and a compare-and-set: the check and the addition run where the entry
     * lives. The processor's class is this WAR's; a member that cannot load it (in the moments after an entry's
     * owner died, measured on Payara) makes the operation fail, and the caller's compare-and-set, which ships only
     * strings and longs, counts instead. Where no other member can ever load it (a provider in a server library on
     * Open Liberty: Hazelcast's {@code ClassNotFoundException} on the entry's owner, seen there), it is not tried.
     */
    @Override
    public Long addUpTo(String key, long cost, long ceiling) {
        if (!runsProcessors) {
            return null;
        }
        try {
            return cache.invoke(key, new AddUpTo(cost, ceiling));
        } catch (RuntimeException failed) {
            // the cache's own failures reach the caller through the compare-and-set, if they persist
            return null;
        }
    }

    /** The check-and-add as an entry processor: serializable, made of two longs. */
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
}
