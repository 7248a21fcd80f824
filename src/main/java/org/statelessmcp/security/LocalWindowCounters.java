package org.statelessmcp.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Window counts in this instance's memory, for servers without JCache: each instance enforces the limit on its own.
 * Counts older than the previous window are dropped as new windows begin.
 */
final class LocalWindowCounters implements WindowCounters {

    private final WindowMaps<Long> counts = new WindowMaps<>();

    @Override
    public long get(String key, RateLimit.Period period) {
        Long count = counts.unswept(period).get(key);
        return count == null ? 0 : count;
    }

    @Override
    public boolean compareAndSet(String key, RateLimit.Period period, long expected, long next) {
        ConcurrentHashMap<String, Long> map = counts.of(period);
        return expected == 0 ? map.putIfAbsent(key, next) == null : map.replace(key, expected, next);
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String describe() {
        return "in this instance's memory: every instance enforces each limit on its own";
    }
}
