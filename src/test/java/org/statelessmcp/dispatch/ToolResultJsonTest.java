package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.ImageContent;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.protocol.JsonRpcError;

class ToolResultJsonTest {

    private final JsonCodec codec = JsonCodec.create();

    private String result(Object value) {
        Outcome outcome = ToolResultJson.callToolResult(new Outcome.Success(codec.toJson(value), value), true);
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
        Outcome outcome = ToolResultJson.callToolResult(
                new Outcome.Failure(JsonRpcError.toolFailed("boom", null)), false);
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"isError\":true}",
                ((Outcome.Success) outcome).json());
    }

    @Test
    void invalidArgumentsStayAJsonRpcErrorBefore20251125() {
        Outcome outcome = ToolResultJson.callToolResult(
                new Outcome.Failure(JsonRpcError.invalidParams("'a' must be a number")), false);
        assertEquals(JsonRpcError.INVALID_PARAMS, assertInstanceOf(Outcome.Failure.class, outcome).error().code());
    }

    @Test
    void invalidArgumentsAreAnErrorResultFrom20251125() {
        Outcome outcome = ToolResultJson.callToolResult(
                new Outcome.Failure(JsonRpcError.invalidParams("'a' must be a number")), true);
        assertInstanceOf(Outcome.Success.class, outcome);
    }

    private static final ToolResponse TWO_PARTS_FAILED = new ToolResponse(
            List.of(new TextContent("first part"), new TextContent("second part")), Map.of("code", 42), true);

    @Test
    void anErrorToolResponseKeepsEveryPartAndItsStructuredContentOverMcp() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"first part\"},{\"type\":\"text\",\"text\":"
                + "\"second part\"}],\"structuredContent\":{\"code\":42},\"isError\":true}", result(TWO_PARTS_FAILED));
    }

    @Test
    void anErrorToolResponseIsAToolErrorWithTheWholeResultAsDataInThePlainDialect() {
        Outcome outcome = ToolResultJson.plain(new Outcome.Success(codec.toJson(TWO_PARTS_FAILED), TWO_PARTS_FAILED),
                "lookup");
        JsonRpcError error = assertInstanceOf(Outcome.Failure.class, outcome).error();
        assertEquals(JsonRpcError.TOOL_FAILED, error.code());
        assertEquals("first part", error.message());
        JsonObject data = error.data().asJsonObject();
        assertEquals(2, data.getJsonArray("content").size());
        assertEquals(42, data.getJsonObject("structuredContent").getInt("code"));
        assertEquals(true, data.getBoolean("isError"));
    }

    @Test
    void anErrorToolResponseWithoutTextFailsWithTheGenericMessageInThePlainDialect() {
        ToolResponse imageOnly = ToolResponse.error(List.of(new ImageContent("AA==", "image/png")));
        Outcome outcome = ToolResultJson.plain(new Outcome.Success(codec.toJson(imageOnly), imageOnly), "chart");
        assertEquals("Tool 'chart' failed", assertInstanceOf(Outcome.Failure.class, outcome).error().message());
    }

    @Test
    void aSuccessfulToolResponseIsItsCallToolResultInThePlainDialect() {
        ToolResponse ok = ToolResponse.success("done");
        Outcome outcome = ToolResultJson.plain(new Outcome.Success(codec.toJson(ok), ok), "t");
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}",
                assertInstanceOf(Outcome.Success.class, outcome).json());
    }

    @Test
    void metaIsWrittenAsUnderscoreMeta() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"p\"}],\"_meta\":{\"com.example/trace\":\"t1\"}}",
                result(ToolResponse.success("p").withMeta(Map.of("com.example/trace", "t1"))));
    }

    @Test
    void structuredSuccessIsMirroredAsText() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"x\\\":1,\\\"y\\\":2}\"}],"
                + "\"structuredContent\":{\"x\":1,\"y\":2}}", result(ToolResponse.structuredSuccess(new Point(1, 2))));
    }

    @Test
    void quarkusStyleFactoriesBuildTheSameAnswers() {
        assertEquals(ToolResponse.success(new TextContent("a"), new TextContent("b")),
                ToolResponse.success(List.of(new TextContent("a"), new TextContent("b"))));
        assertEquals(ToolResponse.success(new TextContent("hi")), ToolResponse.success("hi"));
    }
}
