package org.statelessmcp.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.Test;

/** JCache counts: one entry-processor run where the entry lives, or no answer when the cache cannot run it. */
class JCacheCountersTest {

    private final Map<String, Long> entries = new ConcurrentHashMap<>();
    private final AtomicInteger invocations = new AtomicInteger();

    @Test
    void addsUpToTheCeilingInOneEntryProcessorRunWhereTheEntryLives() {
        SharedCounters counters = counters(false);
        assertEquals(0, counters.addUpTo("w|ada", 1, 2));
        assertEquals(1, counters.addUpTo("w|ada", 1, 2));
        assertEquals(-1 - 2, counters.addUpTo("w|ada", 1, 2));
        assertEquals(2L, entries.get("w|ada"));
        assertEquals(3, invocations.get());
    }

    @Test
    void aCacheThatCannotRunTheProcessorLeavesTheAdditionToCompareAndSet() {
        SharedCounters counters = counters(true);
        assertNull(counters.addUpTo("w|ada", 1, 2));
        assertEquals(true, counters.compareAndSet("w|ada", 0, 1));
        assertEquals(false, counters.compareAndSet("w|ada", 0, 1));
        assertEquals(true, counters.compareAndSet("w|ada", 1, 2));
        assertEquals(2, counters.get("w|ada"));
    }

    /** A cache over {@link #entries}; {@code refuseProcessors}: invoke fails as on a member missing the class. */
    @SuppressWarnings("unchecked")
    private SharedCounters counters(boolean refuseProcessors) {
        Cache<String, Long> cache = (Cache<String, Long>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Cache.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> entries.get((String) args[0]);
                    case "putIfAbsent" -> entries.putIfAbsent((String) args[0], (Long) args[1]) == null;
                    case "replace" -> entries.replace((String) args[0], (Long) args[1], (Long) args[2]);
                    case "invoke" -> {
                        invocations.incrementAndGet();
                        if (refuseProcessors) {
                            throw new EntryProcessorException(new ClassNotFoundException("AddUpTo"));
                        }
                        yield process((String) args[0], (EntryProcessor<String, Long, Long>) args[1]);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new JCacheCounters(cache, true);
    }

    @SuppressWarnings("unchecked")
    private synchronized Long process(String key, EntryProcessor<String, Long, Long> processor) {
        MutableEntry<String, Long> entry = (MutableEntry<String, Long>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MutableEntry.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "exists" -> entries.containsKey(key);
                    case "getValue" -> entries.get(key);
                    case "getKey" -> key;
                    case "setValue" -> {
                        entries.put(key, (Long) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return processor.process(entry);
    }
}
