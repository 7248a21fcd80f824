package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.ImageContent;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.dispatch.JsonCodec;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.JsonRpcError;

class ToolResultsTest {

    private final JsonCodec codec = new JsonCodec(JsonbBuilder.create());

    private String result(Object value) {
        Outcome outcome = ToolResults.toCallResult(new Outcome.Success(codec.toJson(value), value), "2025-11-25");
        return ((Outcome.Success) outcome).json();
    }

    public record Point(int x, int y) {
    }

    public record Note(String text) {
    }

    @Test
    void objectResultIsTextAndStructuredContent() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"x\\\":1,\\\"y\\\":2}\"}],"
                + "\"structuredContent\":{\"x\":1,\"y\":2}}", result(new Point(1, 2)));
    }

    @Test
    void stringResultIsItsOwnText() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}", result("hi"));
    }

    @Test
    void aJsonStringResultIsItsOwnTextToo() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"a \\\"quoted\\\" line\\n\"}]}",
                result(jakarta.json.Json.createValue("a \"quoted\" line\n")));
    }

    @Test
    void anArrayResultIsTextWithoutStructuredContent() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"[1,2]\"}]}", result(List.of(1, 2)));
    }

    @Test
    void anObjectResultsTextEscapesWhatTheObjectHolds() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"text\\\":\\\"say \\\\\\\"hi\\\\\\\"\\\"}\"}],"
                + "\"structuredContent\":{\"text\":\"say \\\"hi\\\"\"}}", result(new Note("say \"hi\"")));
    }

    @Test
    void numberResultIsTextWithoutStructuredContent() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"42\"}]}", result(42));
    }

    @Test
    void contentIsPassedAsContent() {
        assertEquals("{\"content\":[{\"type\":\"image\",\"data\":\"AA==\",\"mimeType\":\"image/png\"}]}",
                result(new ImageContent("AA==", "image/png")));
    }

    @Test
    void listOfContentIsTheContentArray() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}",
                result(List.of(new TextContent("a"), new TextContent("b"))));
    }

    @Test
    void toolResponseKeepsItsStructuredContent() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"p\"}],\"structuredContent\":{\"x\":3,\"y\":4}}",
                result(ToolResponse.success(new TextContent("p")).withStructuredContent(new Point(3, 4))));
    }

    @Test
    void toolFailureIsAnErrorResultWithItsMessage() {
        Outcome outcome = ToolResults.toCallResult(
                new Outcome.Failure(JsonRpcError.toolFailed("boom", null)), "2025-06-18");
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"isError\":true}",
                ((Outcome.Success) outcome).json());
    }

    @Test
    void invalidArgumentsStayAJsonRpcErrorBefore20251125() {
        Outcome outcome = ToolResults.toCallResult(
                new Outcome.Failure(JsonRpcError.invalidParams("'a' must be a number")), "2025-06-18");
        assertEquals(JsonRpcError.INVALID_PARAMS, assertInstanceOf(Outcome.Failure.class, outcome).error().code());
    }

    @Test
    void invalidArgumentsAreAnErrorResultFrom20251125() {
        Outcome outcome = ToolResults.toCallResult(
                new Outcome.Failure(JsonRpcError.invalidParams("'a' must be a number")), "2025-11-25");
        assertInstanceOf(Outcome.Success.class, outcome);
    }

    @Test
    void versionsNegotiateToTheClientsWhenSupportedElseTheNewest() {
        assertEquals("2025-06-18", McpVersions.negotiate("2025-06-18"));
        assertEquals("2025-11-25", McpVersions.negotiate("2024-11-05"));
    }

    @Test
    void mcpMethodsAreThoseWithASlashAndInitializeAndPing() {
        assertEquals(List.of(true, true, true, false),
                List.of(McpMethods.isMcp("tools/call"), McpMethods.isMcp("initialize"), McpMethods.isMcp("ping"),
                        McpMethods.isMcp("generate_numbers")));
    }
}
