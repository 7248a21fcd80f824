package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecurityConfigTest {

    @Test
    void rateLimitModesAreReadIgnoringCase() {
        assertEquals(SecurityConfig.RateLimitMode.LEASED, SecurityConfig.rateLimitMode("leased"));
        assertEquals(SecurityConfig.RateLimitMode.EXACT, SecurityConfig.rateLimitMode(" Exact "));
        assertEquals(SecurityConfig.RateLimitMode.LOCAL, SecurityConfig.rateLimitMode("LOCAL"));
    }

    @Test
    void anUnknownRateLimitModeIsRefusedNamingTheChoices() {
        assertEquals("smcp.rate-limit.mode must be leased, exact or local, not 'redis'",
                assertThrows(IllegalArgumentException.class, () -> SecurityConfig.rateLimitMode("redis")).getMessage());
    }
}
