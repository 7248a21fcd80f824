package org.statelessmcp.dispatch;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.statelessmcp.api.Content;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.ToolResponse;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonStrings;

/**
 * The one place a tool's answer becomes JSON, for both dialects, so that they never disagree on what a result holds.
 *
 * <p>Over MCP every answer is a {@code CallToolResult}: a {@link ToolResponse} whole (each content item,
 * {@code structuredContent}, {@code isError}, {@code _meta}); content as content; any other value as text, an object
 * also as {@code structuredContent} (mirrored as text, as the specification recommends). A declared failure and a
 * timeout are results with {@code isError: true}, so that the model sees them.
 *
 * <p>In the plain JSON-RPC dialect a value is the {@code result} as JSON-B writes it, a {@code ToolResponse} its
 * {@code CallToolResult}, and an error {@code ToolResponse} the error {@code -32000} with its first text as message
 * and the whole {@code CallToolResult} as {@code data}.
 */
public final class ToolResultJson {

    private ToolResultJson() {
    }

    /** A {@link ToolResponse} as MCP's {@code CallToolResult}. */
    static String of(ToolResponse response, JsonCodec codec) {
        String structured = response.structuredContent() == null ? null : codec.toJson(response.structuredContent());
        StringBuilder json = new StringBuilder("{\"content\":");
        if (response.content().isEmpty() && structured != null) {
            json.append('[').append(text(structured)).append(']');
        } else {
            json.append(ContentJson.of(response.content()).build());
        }
        if (structured != null) {
            json.append(",\"structuredContent\":").append(structured);
        }
        if (response.isError()) {
            json.append(",\"isError\":true");
        }
        if (!response.meta().isEmpty()) {
            json.append(",\"_meta\":").append(codec.toJson(response.meta()));
        }
        return json.append('}').toString();
    }

    /** How a call ended, as the plain dialect answers it: an error result becomes a JSON-RPC error. */
    public static Outcome plain(Outcome outcome, String tool) {
        if (outcome instanceof Outcome.Success success && success.value() instanceof ToolResponse response
                && response.isError()) {
            String message = response.content().stream().filter(TextContent.class::isInstance)
                    .map(text -> ((TextContent) text).text()).findFirst().orElse("Tool '" + tool + "' failed");
            return new Outcome.Failure(JsonRpcError.toolFailed(message, parse(success.json())));
        }
        return outcome;
    }

    /**
     * How a call ended, as MCP's {@code tools/call} answers it.
     *
     * @param invalidArgumentsAsResult whether invalid arguments are an error result (2025-11-25 on, SEP-1303) rather
     *                                 than a JSON-RPC {@code -32602}
     */
    public static Outcome callToolResult(Outcome outcome, boolean invalidArgumentsAsResult) {
        if (outcome instanceof Outcome.Success success) {
            Object value = success.value();
            if (value instanceof ToolResponse) {
                return success; // the codec wrote its CallToolResult
            }
            if (value instanceof Content || ContentJson.isContentList(value)) {
                String content = value instanceof Content one ? "[" + ContentJson.of(one) + "]" : success.json();
                return new Outcome.Success("{\"content\":" + content + '}');
            }
            return new Outcome.Success(valueResult(value, success.json()));
        }
        if (outcome instanceof Outcome.Failure failure) {
            JsonRpcError error = failure.error();
            if (error.code() == JsonRpcError.INVALID_PARAMS && !invalidArgumentsAsResult) {
                return failure;
            }
            return new Outcome.Success(errorResult(error.message()));
        }
        return outcome;
    }

    /**
     * Whether an MCP answer is a tool's error result ({@code isError: true}): one the tool returned, or one this class
     * wrote for a failure.
     */
    public static boolean isErrorResult(Outcome outcome) {
        if (!(outcome instanceof Outcome.Success success)) {
            return false;
        }
        if (success.value() instanceof ToolResponse response) {
            return response.isError();
        }
        // errorResult's shape; no other result this class writes without a value ends so
        return success.value() == null && success.json().startsWith("{\"content\":[")
                && success.json().endsWith("],\"isError\":true}");
    }

    /** A {@code CallToolResult} with {@code isError: true} and {@code message} as its text. */
    public static String errorResult(String message) {
        return "{\"content\":[" + text(message) + "],\"isError\":true}";
    }

    /**
     * Built as text around the JSON the codec wrote, not by parsing it back into a tree and writing that again: the
     * codec's output is already JSON, and the round trip was most of what a plain call cost beyond the tool.
     */
    private static String valueResult(Object value, String json) {
        char first = json.isEmpty() ? ' ' : json.charAt(0);
        if (first == '"') {
            String text = value instanceof String string ? string : ((JsonString) parse(json)).getString();
            return "{\"content\":[" + text(text) + "]}";
        }
        StringBuilder result = new StringBuilder(2 * json.length() + 64).append("{\"content\":[");
        result.append(text(json)).append(']');
        if (first == '{') {
            result.append(",\"structuredContent\":").append(json);
        }
        return result.append('}').toString();
    }

    private static String text(String text) {
        return JsonStrings.quote(text, new StringBuilder(text.length() + 32).append("{\"type\":\"text\",\"text\":"))
                .append('}').toString();
    }

    private static JsonValue parse(String json) {
        try (var reader = JsonP.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    @SuppressWarnings("unused")
    private static List<Content> none() {
        return List.of();
    }
}
