package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Quota leasing: instances sharing one count never admit more than the ceiling together, lose at most one block each,
 * and ask the shared store far less often than once a request.
 */
class LeasedWindowCountersTest {

    private static final RateLimit.Period MINUTE = RateLimit.Period.MINUTE;

    /** The cluster's shared count, counting the operations that reach it. */
    private static final class CountedStore implements WindowCounters {
        final WindowCounters store = new LocalWindowCounters();
        final AtomicInteger operations = new AtomicInteger();

        @Override
        public long get(String key, RateLimit.Period period) {
            return store.get(key, period);
        }

        @Override
        public boolean compareAndSet(String key, RateLimit.Period period, long expected, long next) {
            return store.compareAndSet(key, period, expected, next);
        }

        @Override
        public long addUpTo(String key, RateLimit.Period period, long cost, long ceiling) {
            operations.incrementAndGet();
            return store.addUpTo(key, period, cost, ceiling);
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public String describe() {
            return "test store";
        }
    }

    private final CountedStore shared = new CountedStore();
    private final String key = SlidingWindow.windowStart(System.currentTimeMillis(), 60_000) + "|*|user:ada";

    private List<LeasedWindowCounters> instances(int count) {
        List<LeasedWindowCounters> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instances.add(new LeasedWindowCounters(shared));
        }
        return instances;
    }

    @Test
    void oneInstanceAdmitsExactlyTheCeilingAndCountsAsThePerRequestStoreDoes() {
        LeasedWindowCounters leased = instances(1).get(0);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, leased.addUpTo(key, MINUTE, 1, 50), "the count before request " + i);
        }
        assertEquals(-1 - 50, leased.addUpTo(key, MINUTE, 1, 50));
        assertEquals(50, shared.get(key, MINUTE));
    }

    @Test
    void aBusyCallerCostsFewSharedOperations() {
        LeasedWindowCounters leased = instances(1).get(0);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(leased.addUpTo(key, MINUTE, 1, 10_000) >= 0);
        }
        assertTrue(shared.operations.get() < 100, shared.operations.get() + " shared operations for 10,000 requests");
        assertTrue(leased.addUpTo(key, MINUTE, 1, 10_000) < 0);
    }

    @Test
    void instancesTakingTurnsAdmitExactlyTheCeiling() {
        List<LeasedWindowCounters> three = instances(3);
        int admitted = 0;
        for (int i = 0; i < 200; i++) {
            if (three.get(i % 3).addUpTo(key, MINUTE, 1, 100) >= 0) {
                admitted++;
            }
        }
        assertEquals(100, admitted);
    }

    @Test
    void requestsSpreadAtRandomNeverPassTheCeilingAndLoseAtMostABlockAnInstance() {
        for (long seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            CountedStore store = new CountedStore();
            List<LeasedWindowCounters> three = List.of(new LeasedWindowCounters(store),
                    new LeasedWindowCounters(store), new LeasedWindowCounters(store));
            long ceiling = 10 + random.nextInt(500);
            int admitted = 0;
            for (int i = 0; i < 3 * ceiling; i++) {
                if (three.get(random.nextInt(3)).addUpTo(key, MINUTE, 1, ceiling) >= 0) {
                    admitted++;
                }
            }
            long largestBlock = Math.max(1, ceiling / LeasedWindowCounters.CEILING_SHARE);
            assertTrue(admitted <= ceiling, "seed " + seed + ": " + admitted + " admitted of " + ceiling);
            assertTrue(admitted >= ceiling - 3 * largestBlock,
                    "seed " + seed + ": " + admitted + " admitted of " + ceiling + ", blocks of at most "
                            + largestBlock);
        }
    }

    @Test
    void aKilledInstanceLosesOnlyWhatItHeld() {
        List<LeasedWindowCounters> three = instances(3);
        int admitted = 0;
        for (int i = 0; i < 30; i++) {
            if (three.get(i % 3).addUpTo(key, MINUTE, 1, 400) >= 0) {
                admitted++;
            }
        }
        // the third instance is gone with its block; the survivors go on
        for (int i = 0; i < 800; i++) {
            if (three.get(i % 2).addUpTo(key, MINUTE, 1, 400) >= 0) {
                admitted++;
            }
        }
        assertTrue(admitted <= 400, admitted + " admitted");
        assertTrue(admitted >= 400 - 400 / LeasedWindowCounters.CEILING_SHARE, admitted + " admitted");
    }

    @Test
    void aBatchCountsItsWholeCostAndIsRefusedWhenItNoLongerFits() {
        LeasedWindowCounters leased = instances(1).get(0);
        assertEquals(0, leased.addUpTo(key, MINUTE, 3, 5));
        assertTrue(leased.addUpTo(key, MINUTE, 3, 5) < 0);
        assertEquals(3, leased.addUpTo(key, MINUTE, 2, 5));
    }

    @Test
    void concurrentRequestsOnThreeInstancesNeverPassTheCeiling() throws Exception {
        List<LeasedWindowCounters> three = instances(3);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> admitted = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                LeasedWindowCounters instance = three.get(t % 3);
                admitted.add(threads.submit(() -> {
                    int mine = 0;
                    for (int i = 0; i < 2_000; i++) {
                        if (instance.addUpTo(key, MINUTE, 1, 5_000) >= 0) {
                            mine++;
                        }
                    }
                    return mine;
                }));
            }
            int total = 0;
            for (Future<Integer> each : admitted) {
                total += each.get();
            }
            assertTrue(total <= 5_000, total + " admitted");
            assertTrue(total >= 5_000 - 3 * (5_000 / LeasedWindowCounters.CEILING_SHARE), total + " admitted");
        } finally {
            threads.shutdownNow();
        }
    }
}
