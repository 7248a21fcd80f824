package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void thePythonServersNotationNamesCountAndPeriod() {
        assertEquals(new RateLimit(100, RateLimit.Period.MINUTE), RateLimit.parse("100/minute"));
        assertEquals(new RateLimit(5, RateLimit.Period.SECOND), RateLimit.parse("5/second"));
        assertEquals(new RateLimit(1000, RateLimit.Period.HOUR), RateLimit.parse("1000/hour"));
        assertEquals(new RateLimit(10000, RateLimit.Period.DAY), RateLimit.parse("10000/day"));
    }

    @Test
    void spacesPluralsAndPerAreAccepted() {
        assertEquals(new RateLimit(5, RateLimit.Period.MINUTE), RateLimit.parse(" 5 / Minutes "));
        assertEquals(new RateLimit(5, RateLimit.Period.SECOND), RateLimit.parse("5 per second"));
    }

    @Test
    void itPrintsInTheNotation() {
        assertEquals("100/minute", RateLimit.parse("100 per minutes").toString());
    }

    @Test
    void anythingElseIsRefusedWithTheNotationInTheMessage() {
        for (String wrong : new String[] {"", "100", "100/fortnight", "minute/100", "-1/second", "0/second",
                "1.5/second"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(wrong),
                    wrong);
            assertTrue(e.getMessage().contains("/"), e.getMessage());
        }
    }
}
