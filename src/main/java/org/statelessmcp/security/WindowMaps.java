package org.statelessmcp.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values kept in this instance's memory by window key ({@code <window start>|<subject>}), one map per period, each
 * swept once a window of what belongs to windows before the previous one.
 */
final class WindowMaps<V> {

    private final Map<RateLimit.Period, ConcurrentHashMap<String, V>> maps = new EnumMap<>(RateLimit.Period.class);
    private final Map<RateLimit.Period, AtomicLong> sweptWindow = new EnumMap<>(RateLimit.Period.class);

    WindowMaps() {
        for (RateLimit.Period period : RateLimit.Period.values()) {
            maps.put(period, new ConcurrentHashMap<>());
            sweptWindow.put(period, new AtomicLong());
        }
    }

    /** The map of {@code period}, swept first if a new window has begun since the last sweep. */
    ConcurrentHashMap<String, V> of(RateLimit.Period period) {
        long window = SlidingWindow.windowStart(System.currentTimeMillis(), period.millis());
        AtomicLong swept = sweptWindow.get(period);
        long last = swept.get();
        if (last != window && swept.compareAndSet(last, window)) {
            long keep = window - period.millis();
            maps.get(period).keySet().removeIf(key -> RateLimiter.windowOf(key) < keep);
        }
        return maps.get(period);
    }

    /** The map of {@code period}, as it is. */
    ConcurrentHashMap<String, V> unswept(RateLimit.Period period) {
        return maps.get(period);
    }
}
