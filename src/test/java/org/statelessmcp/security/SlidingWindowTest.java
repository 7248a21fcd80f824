package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final long MINUTE = 60_000;
    /** Some window start, and times within its window. */
    private static final long START = 1_800_000_000_000L - 1_800_000_000_000L % MINUTE;

    @Test
    void withAnEmptyPreviousWindowExactlyTheLimitIsAdmitted() {
        long current = 0;
        for (int i = 0; i < 5; i++) {
            SlidingWindow.Decision decision = SlidingWindow.decide(0, current, 1, 5, START + 30_000, MINUTE);
            assertTrue(decision.admitted(), "request " + (i + 1));
            assertEquals(4 - i, decision.remaining());
            current++;
        }
        assertFalse(SlidingWindow.decide(0, current, 1, 5, START + 30_000, MINUTE).admitted());
    }

    @Test
    void thePreviousWindowCountsByHowMuchOfItTheSlidingPeriodStillCovers() {
        // a quarter into this window, three quarters of the previous one are still within the last minute
        assertFalse(SlidingWindow.decide(4, 2, 1, 5, START + MINUTE / 4, MINUTE).admitted());
        // 4 x 0.25 + 3 = 4: one more fits
        assertTrue(SlidingWindow.decide(4, 3, 1, 5, START + 3 * MINUTE / 4, MINUTE).admitted());
    }

    @Test
    void aBatchCostsEachOfItsMessages() {
        assertTrue(SlidingWindow.decide(0, 2, 3, 5, START, MINUTE).admitted());
        assertFalse(SlidingWindow.decide(0, 3, 3, 5, START, MINUTE).admitted());
    }

    @Test
    void aFullWindowIsRetriedAfterItHasSlidFarEnoughAway() {
        SlidingWindow.Decision refused = SlidingWindow.decide(0, 5, 1, 5, START + 10_000, MINUTE);
        assertFalse(refused.admitted());
        // in the next window the 5 count 5 x (1 - f): below 4 once f > 1/5, i.e. 12 s into it
        assertEquals(MINUTE - 10_000 + 12_000, refused.retryAfterMillis());
        long retryAt = START + 10_000 + refused.retryAfterMillis();
        assertTrue(SlidingWindow.decide(5, 0, 1, 5, retryAt, MINUTE).admitted());
        assertFalse(SlidingWindow.decide(5, 0, 1, 5, retryAt - 100, MINUTE).admitted());
    }

    @Test
    void aWindowFullOfThePreviousOneIsRetriedWhenItsWeightHasFallen() {
        SlidingWindow.Decision refused = SlidingWindow.decide(10, 0, 1, 5, START, MINUTE);
        assertFalse(refused.admitted());
        long retryAt = START + refused.retryAfterMillis();
        assertTrue(SlidingWindow.decide(10, 0, 1, 5, retryAt, MINUTE).admitted());
        assertFalse(SlidingWindow.decide(10, 0, 1, 5, retryAt - 100, MINUTE).admitted());
    }

    @Test
    void windowsStartAtMultiplesOfThePeriod() {
        assertEquals(START, SlidingWindow.windowStart(START + 59_999, MINUTE));
        assertEquals(START + MINUTE, SlidingWindow.windowStart(START + MINUTE, MINUTE));
    }

    @Test
    void theCeilingIsTheLimitLessThePreviousWindowsWeightedCount() {
        assertEquals(2, SlidingWindow.ceiling(4, 5, START + MINUTE / 4, MINUTE));
        assertEquals(4, SlidingWindow.ceiling(4, 5, START + 3 * MINUTE / 4, MINUTE));
        assertEquals(5, SlidingWindow.ceiling(0, 5, START, MINUTE));
    }

    @Test
    void aRequestFitsExactlyWhileTheCurrentCountPlusItsCostStaysAtTheCeiling() {
        long ceiling = SlidingWindow.ceiling(4, 5, START + MINUTE / 4, MINUTE);
        assertTrue(SlidingWindow.decide(4, ceiling - 1, 1, 5, START + MINUTE / 4, MINUTE).admitted());
        assertFalse(SlidingWindow.decide(4, ceiling, 1, 5, START + MINUTE / 4, MINUTE).admitted());
    }
}
