package org.statelessmcp.security;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.statelessmcp.cluster.SharedCounters;
import org.statelessmcp.cluster.SharedStore;

/**
 * Window counts in the server's distributed cache, shared by every instance of the cluster: one map per period
 * ({@value #MAP_PREFIX}{@code second}, {@code -minute}, …), each entry expiring two periods after it was written.
 */
final class SharedWindowCounters implements WindowCounters {

    static final String MAP_PREFIX = "smcp-rate-windows-";

    private final Map<RateLimit.Period, SharedCounters> periods;
    private final String description;

    SharedWindowCounters(Map<RateLimit.Period, SharedCounters> periods, String description) {
        this.periods = periods;
        this.description = description;
    }

    static SharedWindowCounters in(SharedStore store) {
        Map<RateLimit.Period, SharedCounters> periods = new EnumMap<>(RateLimit.Period.class);
        for (RateLimit.Period period : RateLimit.Period.values()) {
            periods.put(period, store.counters(MAP_PREFIX + period.name().toLowerCase(Locale.ROOT),
                    Duration.ofMillis(2 * period.millis())));
        }
        return new SharedWindowCounters(periods, "in " + store.describe());
    }

    @Override
    public long get(String key, RateLimit.Period period) {
        return periods.get(period).get(key);
    }

    @Override
    public boolean compareAndSet(String key, RateLimit.Period period, long expected, long next) {
        return periods.get(period).compareAndSet(key, expected, next);
    }

    /** One cache operation where the cache can check and add where the entry lives; else compare-and-set. */
    @Override
    public long addUpTo(String key, RateLimit.Period period, long cost, long ceiling) {
        Long before = periods.get(period).addUpTo(key, cost, ceiling);
        return before != null ? before : WindowCounters.super.addUpTo(key, period, cost, ceiling);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }
}
