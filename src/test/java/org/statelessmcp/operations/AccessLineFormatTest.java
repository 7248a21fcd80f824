package org.statelessmcp.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessLineFormatTest {

    /** 2026-11-26T02:06:18.004Z */
    private static final long TIME = 1_795_658_778_004L;
    private static final AccessLine LINE = new AccessLine(TIME, "http-thread-pool::http-listener(2)", "req-1",
            "tools/call", "add", 200, 1.25, 57, 120);

    private static String format(boolean json, ZoneId zone, AccessLine line) {
        return new AccessLineFormat(json, zone).append(line, new StringBuilder()).toString();
    }

    @Test
    void aConsoleLineIsOneBracketedLine() {
        assertEquals("[2026-11-26T02:06:18.004+0000] [INFO] [org.statelessmcp.access] [req-1] "
                + "POST /mcp tools/call add 200 1.25 ms in=57 out=120\n", format(false, ZoneOffset.UTC, LINE));
    }

    @Test
    void aJsonLineHasTheFieldsOfTheServersJsonLines() {
        String text = format(true, ZoneOffset.UTC, LINE);
        assertTrue(text.endsWith("}\n") && text.indexOf('\n') == text.length() - 1, text);
        JsonObject object = Json.createReader(new StringReader(text)).readObject();
        assertEquals("2026-11-26T02:06:18.004+0000", object.getString("Timestamp"));
        assertEquals("INFO", object.getString("Level"));
        assertEquals("org.statelessmcp.access", object.getString("LoggerName"));
        assertEquals("http-thread-pool::http-listener(2)", object.getString("ThreadName"));
        assertEquals(String.valueOf(TIME), object.getString("TimeMillis"));
        assertEquals("tools/call", object.getString("method"));
        assertEquals("add", object.getString("tool"));
        assertEquals("200", object.getString("status"));
        assertEquals("1.25", object.getString("durationMs"));
        assertEquals("57", object.getString("bytesIn"));
        assertEquals("120", object.getString("bytesOut"));
        assertEquals("req-1", object.getString("requestId"));
        assertEquals("POST /mcp tools/call add 200 1.25 ms in=57 out=120", object.getString("LogMessage"));
    }

    @Test
    void quotesAndBackslashesInANameStayInsideTheirJsonString() {
        AccessLine odd = new AccessLine(TIME, "t", "r", "a\"b\\c", "-", 404, 0.5, 1, 2);
        JsonObject object = Json.createReader(new StringReader(format(true, ZoneOffset.UTC, odd))).readObject();
        assertEquals("a\"b\\c", object.getString("method"));
    }

    @Test
    void theTimestampIsInTheGivenZoneWithItsOffset() {
        assertTrue(format(false, ZoneId.of("Asia/Kolkata"), LINE).startsWith("[2026-11-26T07:36:18.004+0530]"));
    }

    @Test
    void eachLineOfABusySecondHasItsOwnMilliseconds() {
        AccessLineFormat format = new AccessLineFormat(false, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        format.append(LINE, out);
        format.append(new AccessLine(TIME + 990, "t", "r", "m", "-", 200, 1, 1, 1), out);
        format.append(new AccessLine(TIME + 996, "t", "r", "m", "-", 200, 1, 1, 1), out);
        String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("[2026-11-26T02:06:18.004+0000]"), lines[0]);
        assertTrue(lines[1].startsWith("[2026-11-26T02:06:18.994+0000]"), lines[1]);
        assertTrue(lines[2].startsWith("[2026-11-26T02:06:19.000+0000]"), lines[2]);
    }
}
