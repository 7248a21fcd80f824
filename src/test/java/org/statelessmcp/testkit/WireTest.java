package org.statelessmcp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kit's pure parts: SSE and NDJSON bodies, JSON conversion and comparison, leak detection. */
class WireTest {

    @Test
    void sseEventsAreSplitOnBlankLinesAndTheirDataJoined() {
        String body = ": a comment\nevent: message\ndata: {\"a\":\ndata:1}\n\r\ndata: {\"b\":2}\r\nid: 7\r\n\r\n"
                + "data:{\"c\":3}";
        assertEquals(List.of("{\"a\":\n1}", "{\"b\":2}", "{\"c\":3}"), Wire.sseData(body));
    }

    @Test
    void sseFieldsThatOnlyStartWithDataAreIgnored() {
        assertEquals(List.of("x"), Wire.sseData("database: no\ndata: x\n\n"));
    }

    @Test
    void sseStreamEndingWithAResponseSeparatesTheNotifications() {
        String body = "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}\n\n"
                + "data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}\n\n";
        Wire.Parsed parsed = Wire.parse("text/event-stream;charset=UTF-8", body);
        assertEquals(1, parsed.before().size());
        assertEquals(7, ((JsonObject) parsed.last()).getInt("id"));
    }

    @Test
    void cancelledSseStreamHasNoFinalMessage() {
        Wire.Parsed parsed = Wire.parse("text/event-stream",
                "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n");
        assertNull(parsed.last());
        assertEquals(1, parsed.before().size());
    }

    @Test
    void ndjsonChunksPrecedeTheFinalLine() {
        Wire.Parsed parsed = Wire.parse("application/x-ndjson",
                "{\"n\":1}\n{\"n\":2}\n\n{\"jsonrpc\":\"2.0\",\"result\":{\"done\":true},\"id\":\"2\"}\n");
        assertEquals(List.of(Wire.parse("{\"n\":1}"), Wire.parse("{\"n\":2}")), parsed.before());
        assertEquals("2", ((JsonObject) parsed.last()).getString("id"));
    }

    @Test
    void ndjsonLineThatIsNotJsonIsKeptAsText() {
        Wire.Parsed parsed = Wire.parse("application/x-ndjson", "oops\n{\"jsonrpc\":\"2.0\",\"error\":{},\"id\":1}");
        assertEquals(Json.createValue("oops"), parsed.before().get(0));
    }

    @Test
    void jsonBodyIsTheLastMessageAndAnEmptyBodyHasNone() {
        assertTrue(
                Wire.parse("application/json", "[{\"id\":1,\"result\":1}]").last() instanceof jakarta.json.JsonArray);
        assertNull(Wire.parse("", "").last());
        assertNull(Wire.parse("text/html", "<html>").last());
    }

    @Test
    void javaValuesBecomeJson() {
        JsonValue json = Wire.toJson(Map.of("a", 2, "b", List.of(1.5, "x", true), "c", Thread.State.NEW));
        assertTrue(Wire.same(Wire.parse("{\"a\":2,\"b\":[1.5,\"x\",true],\"c\":\"NEW\"}"), json), json.toString());
    }

    @Test
    void numbersCompareByValueAndMembersInAnyOrder() {
        assertTrue(Wire.same(Wire.parse("{\"t\":14,\"c\":\"Oslo\"}"), Wire.parse("{\"c\":\"Oslo\",\"t\":14.0}")));
        assertFalse(Wire.same(Wire.parse("{\"t\":14}"), Wire.parse("{\"t\":14.5}")));
        assertFalse(Wire.same(Wire.parse("[1,2]"), Wire.parse("[2,1]")));
        assertFalse(Wire.same(Wire.parse("{\"t\":1}"), Wire.parse("{\"t\":1,\"u\":2}")));
    }

    @Test
    void internalsAreFound() {
        assertEquals("at org.x.Y.run(", Wire.firstInternal("boom\n\tat org.x.Y.run(Y.java:3)"));
        assertEquals("NullPointerException", Wire.firstInternal("{\"message\":\"NullPointerException\"}"));
        assertEquals("java.lang.", Wire.firstInternal("cause: java.lang.IllegalStateException"));
        assertEquals("org.statelessmcp.", Wire.firstInternal("in org.statelessmcp.mcp.Foo"));
        assertEquals("\"stackTrace\":", Wire.firstInternal("{\"stackTrace\": []}"));
    }

    @Test
    void ordinaryAnswersHaveNoInternals() {
        assertNull(Wire
                .firstInternal("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Tool 'fail' failed\"},"
                        + "\"id\":1}"));
        assertNull(Wire.firstInternal("Meet at noon (sharp). See javadoc, at last."));
    }

    @Test
    void theKitUsesOnlyTheJdkAndJsonP() throws IOException {
        Pattern imports = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
        try (Stream<Path> sources = Files.walk(Path.of("src/testkit/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher found = imports.matcher(Files.readString(source));
                while (found.find()) {
                    String name = found.group(2);
                    assertTrue(name.startsWith("java.") || name.startsWith("jakarta.json.")
                            || name.startsWith("org.statelessmcp.testkit."), source + " imports " + name);
                }
            }
        }
    }
}
