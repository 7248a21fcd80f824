package org.statelessmcp.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Window counts in this instance's memory, for servers without JCache: each instance enforces the limit on its own.
 * Counts older than the previous window are dropped as new windows begin.
 */
final class LocalWindowCounters implements WindowCounters {

    private final Map<RateLimit.Period, ConcurrentHashMap<String, Long>> counts = new EnumMap<>(RateLimit.Period.class);
    private final Map<RateLimit.Period, AtomicLong> sweptWindow = new EnumMap<>(RateLimit.Period.class);

    LocalWindowCounters() {
        for (RateLimit.Period period : RateLimit.Period.values()) {
            counts.put(period, new ConcurrentHashMap<>());
            sweptWindow.put(period, new AtomicLong());
        }
    }

    @Override
    public long get(String key, RateLimit.Period period) {
        Long count = counts.get(period).get(key);
        return count == null ? 0 : count;
    }

    @Override
    public boolean compareAndSet(String key, RateLimit.Period period, long expected, long next) {
        sweep(period);
        ConcurrentHashMap<String, Long> map = counts.get(period);
        return expected == 0 ? map.putIfAbsent(key, next) == null : map.replace(key, expected, next);
    }

    /** Once per window: forget the windows before the previous one (the key starts with the window's start). */
    private void sweep(RateLimit.Period period) {
        long window = SlidingWindow.windowStart(System.currentTimeMillis(), period.millis());
        AtomicLong swept = sweptWindow.get(period);
        long last = swept.get();
        if (last != window && swept.compareAndSet(last, window)) {
            long keep = window - period.millis();
            counts.get(period).keySet().removeIf(key -> RateLimiter.windowOf(key) < keep);
        }
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
