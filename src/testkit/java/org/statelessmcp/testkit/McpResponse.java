package org.statelessmcp.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of the server to a {@link McpTestClient} request: the HTTP status and headers, the messages that came
 * before the final one (NDJSON chunks, MCP notifications), the final JSON-RPC message, and assertions on them. Each
 * assertion returns {@code this}, and a failed one throws {@link AssertionError} showing what was expected, the
 * request and the whole response.
 *
 * <pre>{@code
 * McpResponse greeting = McpTestClient.at(base).mcp2026().capabilities("{\"elicitation\":{}}")
 *         .call("greet")
 *         .assertInputRequired("user_name");
 * greeting.answer("user_name", Json.createObjectBuilder()
 *                 .add("action", "accept").add("content", Json.createObjectBuilder().add("name", "Ada")).build())
 *         .assertSuccess()
 *         .assertText("Hello, Ada!");
 * }</pre>
 */
public final class McpResponse {

    /**
     * A {@code notifications/progress} received before the response, e.g.
     * {@code assertEquals(3.0, response.progress().get(2).progress())}.
     *
     * @param token    the request's progress token
     * @param progress the progress so far (increasing)
     * @param total    the total, or null when unknown
     * @param message  the message, or null (stateless-mcp sends a streaming tool's chunk here, as JSON)
     */
    public record Progress(JsonValue token, double progress, Double total, String message) {
    }

    /**
     * A {@code notifications/message} (MCP log message) received before the response, e.g.
     * {@code assertEquals("info", response.logs().get(0).level())}.
     *
     * @param level  {@code debug}, {@code info}, … {@code emergency}
     * @param logger the logger (stateless-mcp: the tool's name), or null
     * @param data   the message's data (stateless-mcp: a streaming tool's chunk)
     */
    public record LogMessage(String level, String logger, JsonValue data) {
    }

    private final McpTestClient client;
    private final McpTestClient.Outgoing request;
    private final HttpResponse<String> response;
    private final List<JsonValue> before;
    private final JsonStructure last;

    McpResponse(McpTestClient client, McpTestClient.Outgoing request, HttpResponse<String> response) {
        this.client = client;
        this.request = request;
        this.response = response;
        Wire.Parsed parsed = Wire.parse(contentType(), response.body());
        this.before = parsed.before();
        this.last = parsed.last();
    }

    // ---- what came back -----------------------------------------------------------------------------------------

    /** The HTTP status. */
    public int status() {
        return response.statusCode();
    }

    /** The response's headers. */
    public HttpHeaders headers() {
        return response.headers();
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The response's {@code Content-Type}, or {@code ""}. */
    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The whole body as received (an SSE stream or NDJSON lines included). */
    public String body() {
        return response.body();
    }

    /** The final JSON-RPC message (the only one of a JSON answer, the last of a stream). */
    public JsonObject json() {
        if (last instanceof JsonObject object) {
            return object;
        }
        throw fail("a JSON-RPC message");
    }

    /** The answers to a batch, in order. */
    public JsonArray batch() {
        if (last instanceof JsonArray array) {
            return array;
        }
        throw fail("a batch answer (a JSON array)");
    }

    /** The final message's {@code result}, which must be an object. */
    public JsonObject result() {
        if (resultValue() instanceof JsonObject object) {
            return object;
        }
        throw fail("a result that is a JSON object");
    }

    /** The final message's {@code result}, any JSON value (the plain dialect answers what the tool returned). */
    public JsonValue resultValue() {
        JsonValue result = json().get("result");
        if (result == null) {
            throw fail("a result");
        }
        return result;
    }

    /** The final message's {@code error} object. */
    public JsonObject error() {
        if (json().get("error") instanceof JsonObject error) {
            return error;
        }
        throw fail("a JSON-RPC error");
    }

    /** Everything received before the final message: NDJSON chunks (plain dialect) or MCP notifications. */
    public List<JsonValue> chunks() {
        return before;
    }

    /**
     * The MCP messages received before the response ({@code notifications/progress}, {@code notifications/message}, …).
     */
    public List<JsonObject> notifications() {
        return before.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(message -> message.containsKey("method")).toList();
    }

    /** The {@code notifications/progress} received before the response, in order. */
    public List<Progress> progress() {
        return params("notifications/progress").stream()
                .map(params -> new Progress(params.get("progressToken"), number(params.get("progress")),
                        params.get("total") instanceof JsonNumber total ? total.doubleValue() : null,
                        Wire.string(params, "message")))
                .toList();
    }

    /** The {@code notifications/message} (log messages) received before the response, in order. */
    public List<LogMessage> logs() {
        return params("notifications/message").stream()
                .map(params -> new LogMessage(Wire.string(params, "level"), Wire.string(params, "logger"),
                        params.get("data")))
                .toList();
    }

    private List<JsonObject> params(String method) {
        return notifications().stream().filter(message -> method.equals(Wire.string(message, "method")))
                .map(message -> message.get("params") instanceof JsonObject params ? params
                        : JsonValue.EMPTY_JSON_OBJECT)
                .toList();
    }

    private static double number(JsonValue value) {
        return value instanceof JsonNumber number ? number.doubleValue() : Double.NaN;
    }

    /** The texts of the result's {@code text} contents, in order; in the plain dialect a string result. */
    public List<String> texts() {
        if (client.dialect() == McpTestClient.Dialect.PLAIN) {
            return resultValue() instanceof JsonString text ? List.of(text.getString()) : List.of();
        }
        if (!(result().get("content") instanceof JsonArray content)) {
            return List.of();
        }
        return content.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(item -> "text".equals(Wire.string(item, "type")))
                .map(item -> Wire.string(item, "text")).toList();
    }

    /** The result's {@code structuredContent} over MCP (or null); the {@code result} itself in the plain dialect. */
    public JsonValue structured() {
        return client.dialect() == McpTestClient.Dialect.PLAIN ? resultValue() : result().get("structuredContent");
    }

    /** The result's {@code resultType} (2026-07-28: {@code complete} or {@code input_required}), or null. */
    public String resultType() {
        return Wire.string(result(), "resultType");
    }

    /** The questions of an {@code input_required} result, by key (empty when there are none). */
    public Map<String, JsonObject> inputRequests() {
        if (!(result().get("inputRequests") instanceof JsonObject requests)) {
            return Map.of();
        }
        Map<String, JsonObject> asked = new LinkedHashMap<>();
        requests.forEach((key, value) -> asked.put(key, value.asJsonObject()));
        return asked;
    }

    /** The {@code requestState} of an {@code input_required} result, or null. */
    public String requestState() {
        return Wire.string(result(), "requestState");
    }

    /** The names of the tools listed ({@code GET /tools} or {@code tools/list}), in the order received. */
    public List<String> toolNames() {
        JsonObject answer = json();
        if (answer.get("tools") instanceof JsonObject catalog) {
            return List.copyOf(catalog.keySet());
        }
        return result().getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                .map(tool -> tool.getString("name")).toList();
    }

    // ---- multi round-trip requests (2026-07-28) -------------------------------------------------------------------

    /**
     * Answers one question of this {@code input_required} result: calls the same tool (or prompt, resource) again with
     * {@code inputResponses = {key: response}} and this result's {@code requestState}.
     *
     * @param response the client's answer, e.g. {@code {"action":"accept","content":{"name":"Ada"}}} to an
     *                 elicitation
     */
    public McpResponse answer(String key, JsonObject response) {
        return answer(Json.createObjectBuilder().add(key, response).build());
    }

    /** {@link #answer(String, JsonObject)} with the answer written as JSON. */
    public McpResponse answer(String key, String responseJson) {
        return answer(key, Wire.object(responseJson));
    }

    /**
     * Answers several questions in one round: {@code inputResponses} as given, with this result's {@code requestState}.
     */
    public McpResponse answer(JsonObject inputResponses) {
        assertInputRequired();
        return client.again(request, inputResponses, requestState());
    }

    // ---- assertions ---------------------------------------------------------------------------------------------

    /** Asserts the HTTP status. */
    public McpResponse assertStatus(int expected) {
        if (status() != expected) {
            throw fail("HTTP status " + expected);
        }
        return this;
    }

    /**
     * Asserts the first value of a response header, e.g. {@code assertHeader("Content-Type", "application/json")};
     * {@code null} asserts that the header is absent.
     */
    public McpResponse assertHeader(String name, String expected) {
        if (!Objects.equals(expected, header(name))) {
            throw fail(expected == null ? "no header " + name : "the header " + name + ": " + expected);
        }
        return this;
    }

    /**
     * Asserts a successful answer: HTTP 200 and a result, not an {@code isError} result, and (2026-07-28) not
     * {@code input_required}.
     */
    public McpResponse assertSuccess() {
        if (status() != 200 || !(last instanceof JsonObject answer) || !answer.containsKey("result")) {
            throw fail("HTTP 200 with a result");
        }
        if (answer.get("result") instanceof JsonObject result
                && (JsonValue.TRUE.equals(result.get("isError"))
                        || "input_required".equals(Wire.string(result, "resultType")))
                && client.dialect() != McpTestClient.Dialect.PLAIN) {
            throw fail("a successful result");
        }
        return this;
    }

    /** Asserts the text contents of the result, all of them, in order (plain dialect: the string result). */
    public McpResponse assertText(String... expected) {
        if (!texts().equals(Arrays.asList(expected))) {
            throw fail("the texts " + Arrays.toString(expected) + ", got " + texts());
        }
        return this;
    }

    /**
     * Asserts the structured result: MCP {@code structuredContent}, the plain dialect's {@code result}. Numbers compare
     * by value ({@code 14} equals {@code 14.0}), members in any order.
     */
    public McpResponse assertStructured(JsonValue expected) {
        if (!Wire.same(expected, structured())) {
            throw fail("the structured result " + expected);
        }
        return this;
    }

    /** {@link #assertStructured(JsonValue)} with the expected value written as JSON. */
    public McpResponse assertStructured(String expectedJson) {
        return assertStructured(Wire.parse(expectedJson));
    }

    /** Asserts an MCP tool error: a result with {@code isError: true} whose text contains {@code expectedText}. */
    public McpResponse assertIsError(String expectedText) {
        if (client.dialect() == McpTestClient.Dialect.PLAIN) {
            throw fail("an isError result, which the plain dialect does not have: use assertError(-32000, …)");
        }
        if (!(last instanceof JsonObject answer) || !(answer.get("result") instanceof JsonObject result)
                || !JsonValue.TRUE.equals(result.get("isError"))
                || texts().stream().noneMatch(text -> expectedText == null || text.contains(expectedText))) {
            throw fail("a result with isError: true and a text containing \"" + expectedText + "\"");
        }
        return this;
    }

    /** Asserts a JSON-RPC error with this code whose message contains {@code messageContains} (null: any message). */
    public McpResponse assertError(int code, String messageContains) {
        if (!(last instanceof JsonObject answer) || !(answer.get("error") instanceof JsonObject error)
                || !(error.get("code") instanceof JsonNumber number) || number.intValue() != code
                || messageContains != null
                        && !String.valueOf(Wire.string(error, "message")).contains(messageContains)) {
            throw fail(
                    "a JSON-RPC error " + code + (messageContains == null ? "" : " with \"" + messageContains + "\""));
        }
        return this;
    }

    /** Asserts the progress values of the {@code notifications/progress} received, all of them, in order. */
    public McpResponse assertProgress(double... expected) {
        List<Double> received = progress().stream().map(Progress::progress).toList();
        List<Double> wanted = Arrays.stream(expected).boxed().toList();
        if (!received.equals(wanted)) {
            throw fail("progress " + wanted + ", got " + received);
        }
        return this;
    }

    /** Asserts an {@code input_required} result (2026-07-28) asking exactly these keys (any, when none are given). */
    public McpResponse assertInputRequired(String... keys) {
        if (!(last instanceof JsonObject answer) || !(answer.get("result") instanceof JsonObject result)
                || !"input_required".equals(Wire.string(result, "resultType"))
                || keys.length > 0
                        && !inputRequests().keySet().equals(new java.util.LinkedHashSet<>(Arrays.asList(keys)))) {
            throw fail("an input_required result asking " + Arrays.toString(keys));
        }
        return this;
    }

    /**
     * Asserts that the body reveals nothing of the server's insides: no stack frame ({@code at x.y(}), no exception
     * class name, no {@code java.}, {@code jdk.internal.} or {@code org.statelessmcp.} class, no {@code .java:}
     * line, no {@code "stackTrace"} member.
     */
    public McpResponse assertNoInternals() {
        String found = Wire.firstInternal(body());
        if (found != null) {
            throw fail("no internal detail, found \"" + found + "\"");
        }
        return this;
    }

    private AssertionError fail(String expected) {
        return new AssertionError("Expected " + expected + "\n" + this);
    }

    /** The request and the whole response, as failed assertions show them. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("request: ").append(request.request().method()).append(' ')
                .append(request.request().uri()).append('\n');
        request.request().headers().map().forEach((name, values) -> text.append("  ").append(name).append(": ")
                .append(String.join(", ", values)).append('\n'));
        if (!request.text().equals(request.request().method() + " " + request.request().uri())) {
            text.append("  ").append(request.text()).append('\n');
        }
        text.append("response: HTTP ").append(status()).append('\n');
        response.headers().map().forEach((name, values) -> text.append("  ").append(name).append(": ")
                .append(String.join(", ", values)).append('\n'));
        String body = Objects.requireNonNullElse(body(), "");
        text.append(body.isEmpty() ? "  (no body)" : body);
        return text.toString();
    }
}
