package org.statelessmcp.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * Remembers the counts of windows that have ended: a finished window no longer grows, so its count is read from the
 * shared cache once per caller and window rather than on every request — one cache operation saved per request.
 * Only the previous window's counts are kept; they are dropped when the next window begins. A request that began
 * just before the boundary may still add one to the window after it was read: the limit stays within one.
 */
final class FinishedWindows {

    /** The counts of the windows that ended at {@code end}. */
    private record Generation(long end, Map<String, Long> counts) {
    }

    private final Map<RateLimit.Period, AtomicReference<Generation>> generations = new EnumMap<>(
            RateLimit.Period.class);

    FinishedWindows() {
        for (RateLimit.Period period : RateLimit.Period.values()) {
            generations.put(period, new AtomicReference<>(new Generation(Long.MIN_VALUE, new ConcurrentHashMap<>())));
        }
    }

    /**
     * The count of the window before the one starting at {@code currentStart}, read with {@code read} the first time
     * it is asked for.
     */
    long previous(RateLimit.Period period, long currentStart, String key, ToLongFunction<String> read) {
        AtomicReference<Generation> holder = generations.get(period);
        Generation generation = holder.get();
        if (generation.end() != currentStart) {
            Generation fresh = new Generation(currentStart, new ConcurrentHashMap<>());
            generation = holder.compareAndSet(generation, fresh) ? fresh : holder.get();
            if (generation.end() != currentStart) {
                // another thread moved on to a later window meanwhile: read without remembering
                return read.applyAsLong(key);
            }
        }
        Long known = generation.counts().get(key);
        if (known != null) {
            return known;
        }
        long count = read.applyAsLong(key);
        generation.counts().putIfAbsent(key, count);
        return count;
    }
}
