package org.statelessmcp.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginGuardTest {

    private final OriginGuard guard = new OriginGuard(List.of("https://app.example.com/"));

    @Test
    void requestWithoutOriginPasses() {
        assertTrue(guard.allows(null));
    }

    @Test
    void loopbackOriginsPass() {
        assertTrue(guard.allows("http://localhost:6274"));
        assertTrue(guard.allows("http://127.0.0.1"));
        assertTrue(guard.allows("http://[::1]:8080"));
    }

    @Test
    void configuredOriginPassesWhateverItsCaseOrTrailingSlash() {
        assertTrue(guard.allows("HTTPS://App.Example.com"));
    }

    @Test
    void foreignOriginIsRefused() {
        assertFalse(guard.allows("http://evil.example.com"));
        assertFalse(guard.allows("http://localhost.evil.example.com"));
        assertFalse(guard.allows("null"));
    }

    @Test
    void wildcardAllowsEveryOrigin() {
        assertTrue(new OriginGuard(List.of("*")).allows("http://anything.example"));
    }

    @Test
    void acceptHeaderNamingEventStreamsOrAWildcardAdmitsSse() {
        assertTrue(McpHttp.accepts("application/json, text/event-stream", "text/event-stream"));
        assertTrue(McpHttp.accepts("*/*", "text/event-stream"));
        assertFalse(McpHttp.accepts("application/json", "text/event-stream"));
        assertFalse(McpHttp.accepts(null, "text/event-stream"));
    }

    @Test
    void onlyConfiguredOriginsAreListedForCors() {
        OriginGuard guard = new OriginGuard(List.of("https://app.example.com"));
        assertTrue(guard.listed("https://APP.example.com/"));
        assertFalse(guard.listed("http://localhost:3000"));
        assertFalse(guard.listed(null));
        assertTrue(new OriginGuard(List.of("*")).listed("https://any.example"));
    }
}
