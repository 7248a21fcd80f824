package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code addUpTo} as every store offers it: the compare-and-set loop, here over this instance's memory. */
class WindowCountersTest {

    private final WindowCounters counters = new LocalWindowCounters();
    private final String key = SlidingWindow.windowStart(System.currentTimeMillis(), 60_000) + "|ada";

    @Test
    void addsWhileTheSumStaysAtTheCeilingAndAnswersTheCountBefore() {
        assertEquals(0, counters.addUpTo(key, RateLimit.Period.MINUTE, 1, 2));
        assertEquals(1, counters.addUpTo(key, RateLimit.Period.MINUTE, 1, 2));
        assertEquals(2, counters.get(key, RateLimit.Period.MINUTE));
    }

    @Test
    void beyondTheCeilingAddsNothingAndAnswersMinusOneMinusTheCount() {
        counters.addUpTo(key, RateLimit.Period.MINUTE, 3, 4);
        assertEquals(-1 - 3, counters.addUpTo(key, RateLimit.Period.MINUTE, 3, 4));
        assertEquals(3, counters.get(key, RateLimit.Period.MINUTE));
    }

    @Test
    void concurrentAdditionsAdmitExactlyTheCeiling() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> admitted = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                admitted.add(threads.submit(() -> {
                    int mine = 0;
                    for (int i = 0; i < 1_000; i++) {
                        try {
                            if (counters.addUpTo(key, RateLimit.Period.MINUTE, 1, 5_000) >= 0) {
                                mine++;
                            }
                        } catch (WindowCounters.Contended lostEveryAttempt) {
                            // added nothing: the server lets such a request through uncounted
                        }
                    }
                    return mine;
                }));
            }
            int total = 0;
            for (Future<Integer> each : admitted) {
                total += each.get();
            }
            assertEquals(5_000, total);
            assertEquals(5_000, counters.get(key, RateLimit.Period.MINUTE));
        } finally {
            threads.shutdownNow();
        }
    }
}
