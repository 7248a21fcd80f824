package org.statelessmcp.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String KEY = "k3y-0123456789abcdef-xyz";
    private static final String OTHER = "other-0123456789abcdef";

    @Test
    void aCommaSeparatedListAcceptsEachKey() {
        ApiKeys keys = ApiKeys.parse(KEY + ", " + OTHER, "smcp.api-keys");
        assertEquals(2, keys.size());
        assertTrue(keys.match(KEY).isPresent());
        assertTrue(keys.match(OTHER).isPresent());
    }

    @Test
    void thePythonServersJsonListAcceptsEachKey() {
        ApiKeys keys = ApiKeys.parse("[\"" + KEY + "\", \"" + OTHER + "\"]", "smcp.api-keys");
        assertTrue(keys.match(KEY).isPresent());
        assertTrue(keys.match(OTHER).isPresent());
    }

    @Test
    void anyOtherKeyIsRefused() {
        ApiKeys keys = ApiKeys.parse(KEY, "smcp.api-keys");
        assertFalse(keys.match(KEY + "x").isPresent());
        assertFalse(keys.match(KEY.substring(1)).isPresent());
        assertFalse(keys.match("").isPresent());
    }

    @Test
    void aKeyWithoutNameIsNamedByItsDigest() {
        String digest = HexFormat.of().formatHex(ApiKeys.sha256(KEY));
        KeyOwner owner = ApiKeys.parse(KEY, "smcp.api-keys").match(KEY).orElseThrow();
        assertEquals("key-" + digest.substring(0, 8), owner.name());
        assertEquals(Set.of(), owner.roles());
    }

    @Test
    void aStoredDigestAcceptsTheKeyItIsTheDigestOf() {
        String digest = HexFormat.of().formatHex(ApiKeys.sha256(KEY));
        ApiKeys keys = ApiKeys.parse("sha256:" + digest, "smcp.api-keys");
        assertTrue(keys.match(KEY).isPresent());
        assertFalse(keys.match("sha256:" + digest).isPresent());
    }

    @Test
    void anObjectEntryNamesTheHolderAndGrantsRoles() {
        ApiKeys keys = ApiKeys.parse("[{\"name\":\"ci-bot\",\"key\":\"" + KEY + "\",\"roles\":[\"reader\",\"math\"]},"
                + "{\"name\":\"ops\",\"sha256\":\"" + HexFormat.of().formatHex(ApiKeys.sha256(OTHER))
                + "\",\"roles\":\"admin|ops\"}]", "smcp.api-keys");
        assertEquals(new KeyOwner("ci-bot", Set.of("reader", "math")), keys.match(KEY).orElseThrow());
        assertEquals(new KeyOwner("ops", Set.of("admin", "ops")), keys.match(OTHER).orElseThrow());
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(
                "[{\"name\":\"a\",\"key\":\"" + KEY + "\"},{\"name\":\"a\",\"key\":\"" + OTHER + "\"}]", "file"));
        assertTrue(e.getMessage().contains("entry 2"), e.getMessage());
    }

    @Test
    void aMalformedDigestIsRefusedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse(KEY + ",sha256:abc123", "smcp.api-keys"));
        assertEquals("smcp.api-keys, entry 2: a sha256: entry needs 64 hex digits", e.getMessage());
    }

    @Test
    void errorsNeverQuoteAKey() {
        String secret = "top secret key with spaces";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("[\"" + secret + "\"]", "smcp.api-keys"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("[\"" + KEY + "\"", "smcp.api-keys"));
        assertFalse(json.getMessage().contains(KEY), json.getMessage());
    }

    @Test
    void anObjectNeedsExactlyOneOfKeyAndDigest() {
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("[{\"name\":\"a\"}]", "s"));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(
                "[{\"name\":\"a\",\"key\":\"" + KEY + "\",\"sha256\":\"" + "0".repeat(64) + "\"}]", "s"));
    }

    @Test
    void aShortKeyIsAcceptedWithAWarning() {
        ApiKeys keys = ApiKeys.parse("secret-key-123", "smcp.api-keys");
        assertTrue(keys.match("secret-key-123").isPresent());
        assertEquals(1, keys.warnings().size());
        assertFalse(keys.warnings().get(0).contains("secret-key-123"));
    }

    @Test
    void keysFromTwoSourcesAreAllAccepted() {
        ApiKeys keys = ApiKeys.parse(KEY, "smcp.api-keys").and(ApiKeys.parse("[\"" + OTHER + "\"]", "file"));
        assertEquals(2, keys.size());
        assertTrue(keys.match(OTHER).isPresent());
    }

    @Test
    void noKeysAcceptNothing() {
        ApiKeys keys = ApiKeys.parse("", "smcp.api-keys");
        assertEquals(0, keys.size());
        assertFalse(keys.match(KEY).isPresent());
    }

    @Test
    void aKeyListedTwiceBelongsToItsLastEntry() {
        ApiKeys keys = ApiKeys.parse("[{\"name\":\"old\",\"key\":\"k-0123456789abcdef\"},"
                + "{\"name\":\"new\",\"key\":\"k-0123456789abcdef\"}]", "test");
        assertEquals("new", keys.match("k-0123456789abcdef").orElseThrow().name());
    }

    @Test
    void aThousandKeysAreEachFound() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            list.append(i == 0 ? "" : ",").append("key-number-").append(1000 + i).append("-abcdefgh");
        }
        ApiKeys keys = ApiKeys.parse(list.toString(), "test");
        assertEquals(1000, keys.size());
        for (int i = 0; i < 1000; i += 97) {
            assertTrue(keys.match("key-number-" + (1000 + i) + "-abcdefgh").isPresent());
        }
        assertTrue(keys.match("key-number-0000-abcdefgh").isEmpty());
    }
}
