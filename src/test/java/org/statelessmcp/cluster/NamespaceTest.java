package org.statelessmcp.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Each application's shared maps are its own: named by its context path, or by the operator. */
class NamespaceTest {

    @Test
    void theContextPathNamesTheApplicationsMaps() {
        assertEquals("orders-mcp", Namespace.of(Optional.empty(), "/orders-mcp").value());
        assertEquals("smcp-tasks@orders-mcp", Namespace.of(Optional.empty(), "/orders-mcp").qualify("smcp-tasks"));
    }

    @Test
    void theRootPathIsRoot() {
        assertEquals("ROOT", Namespace.of(Optional.empty(), "").value());
        assertEquals("ROOT", Namespace.of(Optional.empty(), "/").value());
    }

    @Test
    void slashesAndOtherCharactersUnsafeInACacheNameBecomeDots() {
        assertEquals("tools.v2.caf.", Namespace.of(Optional.empty(), "/tools/v2/caf\u00e9").value());
    }

    @Test
    void aVeryLongContextPathIsCutToSixtyFourCharacters() {
        assertEquals("a".repeat(64), Namespace.of(Optional.empty(), "/" + "a".repeat(100)).value());
    }

    @Test
    void theConfiguredNamespaceWinsOverTheContextPath() {
        assertEquals("billing", Namespace.of(Optional.of(" billing "), "/orders-mcp").value());
    }

    @Test
    void aConfiguredNamespaceThatNoCacheNameCouldCarryIsRefusedNamingTheSetting() {
        for (String invalid : new String[] {"", "a b", "a/b", "x".repeat(65), "caf\u00e9"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Namespace.of(Optional.of(invalid), "/"), invalid);
            assertTrue(refused.getMessage().startsWith("smcp.cluster.namespace must be 1 to 64 letters"),
                    refused.getMessage());
        }
    }

    @Test
    void twoApplicationsOnOneCacheHaveMapsOfTheirOwn() {
        MapsByName cache = new MapsByName();
        SharedStrings orders = new NamespacedStore(cache, new Namespace("orders")).strings("smcp-tasks",
                Duration.ofMinutes(1));
        SharedStrings billing = new NamespacedStore(cache, new Namespace("billing")).strings("smcp-tasks",
                Duration.ofMinutes(1));
        orders.put("t1", "an order's task");
        assertEquals(Map.of(), billing.getAll(Set.of("t1")));
        assertEquals(Map.of("t1", "an order's task"), orders.getAll(Set.of("t1")));
        assertEquals(Set.of("smcp-tasks@orders", "smcp-tasks@billing"), cache.strings.keySet());
    }

    @Test
    void instancesOfOneApplicationShareItsMaps() {
        MapsByName cache = new MapsByName();
        SharedStrings first = new NamespacedStore(cache, new Namespace("orders")).strings("smcp-tasks",
                Duration.ofMinutes(1));
        SharedStrings second = new NamespacedStore(cache, new Namespace("orders")).strings("smcp-tasks",
                Duration.ofMinutes(1));
        assertSame(first, second);
        assertNotSame(first, new NamespacedStore(cache, new Namespace("ROOT")).strings("smcp-tasks",
                Duration.ofMinutes(1)));
    }

    /** A cache's maps by their names, as every member of a cluster sees them. */
    private static final class MapsByName implements SharedStore {

        final Map<String, SharedStrings> strings = new ConcurrentHashMap<>();

        @Override
        public SharedCounters counters(String name, Duration expiry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SharedStrings strings(String name, Duration expiry) {
            return strings.computeIfAbsent(name, any -> new LocalStrings(expiry, Clock.systemUTC()));
        }

        @Override
        public void probe() {
        }

        @Override
        public String describe() {
            return "maps by name";
        }
    }
}
