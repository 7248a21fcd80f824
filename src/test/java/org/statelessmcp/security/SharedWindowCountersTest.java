package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.statelessmcp.cluster.SharedCounters;

/** Windows in a shared cache count in one operation where the cache can, and by compare-and-set where it cannot. */
class SharedWindowCountersTest {

    private final Map<String, Long> entries = new ConcurrentHashMap<>();
    private final AtomicInteger oneOperationAdds = new AtomicInteger();

    @Test
    void aCacheThatChecksAndAddsInOneOperationCountsThere() {
        WindowCounters counters = counters(true);
        assertEquals(0, counters.addUpTo("w|ada", RateLimit.Period.MINUTE, 1, 2));
        assertEquals(1, counters.addUpTo("w|ada", RateLimit.Period.MINUTE, 1, 2));
        assertEquals(-1 - 2, counters.addUpTo("w|ada", RateLimit.Period.MINUTE, 1, 2));
        assertEquals(3, oneOperationAdds.get());
    }

    @Test
    void aCacheThatCannotCountsByCompareAndSet() {
        WindowCounters counters = counters(false);
        assertEquals(0, counters.addUpTo("w|ada", RateLimit.Period.MINUTE, 1, 2));
        assertEquals(1, counters.addUpTo("w|ada", RateLimit.Period.MINUTE, 1, 2));
        assertEquals(-1 - 2, counters.addUpTo("w|ada", RateLimit.Period.MINUTE, 1, 2));
        assertEquals(2L, entries.get("w|ada"));
        assertEquals(0, oneOperationAdds.get());
    }

    private WindowCounters counters(boolean addsInOneOperation) {
        SharedCounters shared = new SharedCounters() {
            @Override
            public long get(String key) {
                return entries.getOrDefault(key, 0L);
            }

            @Override
            public boolean compareAndSet(String key, long expected, long next) {
                return expected == 0 ? entries.putIfAbsent(key, next) == null : entries.replace(key, expected, next);
            }

            @Override
            public Long addUpTo(String key, long cost, long ceiling) {
                if (!addsInOneOperation) {
                    return null;
                }
                oneOperationAdds.incrementAndGet();
                synchronized (entries) {
                    long current = get(key);
                    if (current + cost > ceiling) {
                        return -1 - current;
                    }
                    entries.put(key, current + cost);
                    return current;
                }
            }
        };
        Map<RateLimit.Period, SharedCounters> periods = new EnumMap<>(RateLimit.Period.class);
        for (RateLimit.Period period : RateLimit.Period.values()) {
            periods.put(period, shared);
        }
        return new SharedWindowCounters(periods, "in a test map");
    }
}
