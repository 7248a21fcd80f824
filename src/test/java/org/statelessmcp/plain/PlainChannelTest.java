package org.statelessmcp.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.McpLog.LogLevel;

class PlainChannelTest {

    private final List<String> lines = new ArrayList<>();
    private final PlainChannel channel = new PlainChannel(Json.createValue(7), lines::add);

    @Test
    void progressIsThePythonServersChunkWithItsPercentageAndMessage() {
        channel.progress(BigDecimal.ONE, BigDecimal.valueOf(3), "row 1");
        assertEquals(
                List.of("{\"type\":\"progress\",\"current\":1,\"total\":3,\"percentage\":33.3,\"message\":\"row 1\"}"),
                lines);
    }

    @Test
    void progressWithoutATotalHasNoPercentage() {
        channel.progress(BigDecimal.valueOf(2), null, null);
        assertEquals(List.of("{\"type\":\"progress\",\"current\":2}"), lines);
    }

    @Test
    void aLogMessageIsALogLine() {
        channel.log(LogLevel.WARNING, "reindex", "\"slow disk\"");
        assertEquals(List.of("{\"type\":\"log\",\"level\":\"warning\",\"logger\":\"reindex\",\"data\":\"slow disk\"}"),
                lines);
        assertEquals(LogLevel.INFO, channel.logLevel());
    }

    @Test
    void onlyARequestNamingNdjsonAsksForProgressLines() {
        assertTrue(PlainChannel.asked("application/json, application/x-ndjson;q=0.9"));
        assertFalse(PlainChannel.asked("*/*"));
        assertFalse(PlainChannel.asked("application/json"));
        assertFalse(PlainChannel.asked(null));
    }
}
