package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FinishedWindowsTest {

    private final FinishedWindows finished = new FinishedWindows();
    private final AtomicInteger reads = new AtomicInteger();

    private long read(String key) {
        reads.incrementAndGet();
        return key.length();
    }

    @Test
    void aFinishedWindowIsReadOncePerCaller() {
        assertEquals(5, finished.previous(RateLimit.Period.MINUTE, 60_000, "0|abc", this::read));
        assertEquals(5, finished.previous(RateLimit.Period.MINUTE, 60_000, "0|abc", this::read));
        assertEquals(1, reads.get());
        finished.previous(RateLimit.Period.MINUTE, 60_000, "0|abcd", this::read);
        assertEquals(2, reads.get());
    }

    @Test
    void theNextWindowForgetsTheCountsOfTheOneBefore() {
        finished.previous(RateLimit.Period.MINUTE, 60_000, "0|abc", this::read);
        finished.previous(RateLimit.Period.MINUTE, 120_000, "60000|abc", this::read);
        finished.previous(RateLimit.Period.MINUTE, 120_000, "60000|abc", this::read);
        assertEquals(2, reads.get());
    }

    @Test
    void periodsAreKeptApart() {
        finished.previous(RateLimit.Period.MINUTE, 60_000, "0|abc", this::read);
        finished.previous(RateLimit.Period.SECOND, 60_000, "0|abc", this::read);
        assertEquals(2, reads.get());
    }
}
