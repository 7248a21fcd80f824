package org.statelessmcp.mcp;

import org.statelessmcp.protocol.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.ContentJson;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonStrings;

/**
 * Turns how a tool call ended into an MCP {@code CallToolResult}. What the tool returned becomes text content;
 * an object result is also {@code structuredContent} (mirrored as text, as the specification recommends). A tool's
 * own failure and a timeout are results with {@code isError: true}, so the model can see and react to them;
 * invalid arguments are too from 2025-11-25 on (SEP-1303), and a JSON-RPC {@code -32602} before.
 */
final class ToolResults {

    private ToolResults() {
    }

    /** The {@code tools/call} result, or the JSON-RPC error to answer instead. */
    static Outcome toCallResult(Outcome outcome, String version) {
        if (outcome instanceof Outcome.Success success) {
            Object value = success.value();
            if (value instanceof ToolResponse) {
                return success; // already rendered as a CallToolResult by the codec
            }
            if (value instanceof Content content) {
                return new Outcome.Success(JsonP.createObjectBuilder()
                        .add("content", JsonP.createArrayBuilder().add(ContentJson.of(content))).build().toString());
            }
            if (ContentJson.isContentList(value)) {
                return new Outcome.Success("{\"content\":" + success.json() + '}');
            }
            return new Outcome.Success(success(value, success.json()));
        }
        if (outcome instanceof Outcome.Failure failure) {
            JsonRpcError error = failure.error();
            if (error.code() == JsonRpcError.INVALID_PARAMS && !McpVersions.atLeast(version, "2025-11-25")) {
                return failure;
            }
            return new Outcome.Success(JsonP.createObjectBuilder()
                    .add("content", JsonP.createArrayBuilder().add(text(error.message())))
                    .add("isError", true)
                    .build().toString());
        }
        return outcome;
    }

    /**
     * Built as text around the JSON the codec wrote, not by parsing it back into a tree and writing that again: the
     * codec's output is already JSON, and the round trip was most of what a plain call cost beyond the tool.
     */
    private static String success(Object value, String json) {
        char first = json.isEmpty() ? ' ' : json.charAt(0);
        if (first == '"') {
            String text = value instanceof String string ? string : ((JsonString) parse(json)).getString();
            return "{\"content\":[" + text(text) + "]}";
        }
        StringBuilder result = new StringBuilder(2 * json.length() + 64)
                .append("{\"content\":[{\"type\":\"text\",\"text\":");
        JsonStrings.quote(json, result).append("}]");
        if (first == '{') {
            result.append(",\"structuredContent\":").append(json);
        }
        return result.append('}').toString();
    }

    static JsonObject text(String text) {
        return JsonP.createObjectBuilder().add("type", "text").add("text", text).build();
    }

    private static JsonValue parse(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
