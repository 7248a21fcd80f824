package org.statelessmcp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the kit sends in each dialect, and how it reads answers, against a canned loopback server. */
class McpTestClientTest {

    private record Received(String method, Headers headers, JsonObject body) {
    }

    private HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile String contentType = "application/json";
    private volatile String answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}";
    private McpTestClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/app/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(),
                    body.isEmpty() ? null : Wire.object(body)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = McpTestClient.at("http://127.0.0.1:" + server.getAddress().getPort() + "/app");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void plainCallNamesTheToolAsMethod() {
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"result\":5}}";
        client.apiKey("k").call("add", Map.of("a", 2)).assertSuccess().assertStructured("{\"result\":5.0}");
        Received request = received.get(0);
        assertEquals("add", request.body().getString("method"));
        assertEquals(2, request.body().getJsonObject("params").getInt("a"));
        assertEquals("k", request.headers().getFirst("X-API-Key"));
        assertNull(request.headers().getFirst("MCP-Protocol-Version"));
    }

    @Test
    void mcp2026CarriesMetaAndHeadersAndAnswersRoundTrips() {
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"resultType\":\"input_required\",\"inputRequests\":"
                + "{\"user_name\":{\"method\":\"elicitation/create\",\"params\":{}}},\"requestState\":\"s1\"}}";
        McpResponse first = client.mcp2026().capabilities("{\"elicitation\":{}}").logLevel("info")
                .call("greet", "{\"x\":1}").assertInputRequired("user_name");
        Received request = received.get(0);
        assertEquals("tools/call", request.headers().getFirst("Mcp-Method"));
        assertEquals("greet", request.headers().getFirst("Mcp-Name"));
        assertEquals("2026-07-28", request.headers().getFirst("MCP-Protocol-Version"));
        JsonObject meta = request.body().getJsonObject("params").getJsonObject("_meta");
        assertEquals("2026-07-28", meta.getString("io.modelcontextprotocol/protocolVersion"));
        assertEquals("{\"elicitation\":{}}",
                meta.getJsonObject("io.modelcontextprotocol/clientCapabilities").toString());
        assertEquals("info", meta.getString("io.modelcontextprotocol/logLevel"));

        answer = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"resultType\":\"complete\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Hello, Ada!\"}]}}";
        first.answer("user_name", "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}")
                .assertSuccess().assertText("Hello, Ada!");
        JsonObject again = received.get(1).body().getJsonObject("params");
        assertEquals("s1", again.getString("requestState"));
        assertEquals("Ada", again.getJsonObject("inputResponses").getJsonObject("user_name")
                .getJsonObject("content").getString("name"));
        assertEquals(1, again.getJsonObject("arguments").getInt("x"));
        assertFalse(received.get(0).body().get("id").equals(received.get(1).body().get("id")), "a new id");
    }

    @Test
    void mcp2025ReadsProgressAndLogsFromTheEventStream() {
        contentType = "text/event-stream";
        answer = "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"t\","
                + "\"progress\":1,\"message\":\"{}\"}}\n\n"
                + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\","
                + "\"logger\":\"gen\",\"data\":{\"n\":1}}}\n\n"
                + "data: {\"jsonrpc\":\"2.0\",\"id\":\"c\",\"result\":{\"content\":[],\"structuredContent\":{\"g\":1}}}\n\n";
        McpResponse response = client.mcp2025().id("c").progressToken("t").call("gen")
                .assertSuccess().assertProgress(1).assertStructured("{\"g\":1}");
        assertEquals("info", response.logs().get(0).level());
        assertEquals(2, response.notifications().size());
        Received request = received.get(0);
        assertEquals("2025-11-25", request.headers().getFirst("MCP-Protocol-Version"));
        assertEquals("application/json, text/event-stream", request.headers().getFirst("Accept"));
        assertEquals("t", request.body().getJsonObject("params").getJsonObject("_meta").getString("progressToken"));
        assertEquals("c", request.body().getString("id"));
    }

    @Test
    void headerReplacesOrRemovesTheDialectsOwn() {
        client.mcp2025().header("mcp-protocol-version", "2025-06-18").header("Accept", null).send("{}");
        assertEquals("2025-06-18", received.get(0).headers().getFirst("MCP-Protocol-Version"));
        assertNull(received.get(0).headers().getFirst("Accept"));
    }

    @Test
    void failedAssertionShowsTheWholeResponse() {
        answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"'a' must be a number\"}}";
        AssertionError failure = assertThrows(AssertionError.class,
                () -> client.call("add").assertError(-32601, null));
        assertTrue(failure.getMessage().contains("Expected a JSON-RPC error -32601"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'a' must be a number"), failure.getMessage());
        client.call("add").assertError(-32602, "must be");
    }

    @Test
    void requestBodyIsWhatRequestWouldSendAndAnyJsonValueMayBeTheId() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"add\",\"params\":[1,2]}",
                client.id(7).requestBody("add", "[1,2]"));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"nothing\"}",
                client.id(jakarta.json.JsonValue.NULL).requestBody("nothing", null));
        assertTrue(client.mcp2025().id(2).requestBody("tools/list", "{}").contains("\"id\":2"));
    }

    @Test
    void bodilessRequestsOfAnyMethodCarryTheClientsHeaders() {
        contentType = "text/plain";
        answer = "up 1";
        McpResponse options = client.header("Origin", "https://a.example").http("OPTIONS", "mcp")
                .assertStatus(200).assertHeader("Content-Type", "text/plain").assertHeader("Allow", null);
        assertEquals("up 1", options.body());
        assertEquals("OPTIONS", received.get(0).method());
        assertEquals("https://a.example", received.get(0).headers().getFirst("Origin"));
        client.apiKey("k").get(client.endpoint().resolve("metrics"));
        assertEquals("GET", received.get(1).method());
        assertEquals("k", received.get(1).headers().getFirst("X-API-Key"));
        AssertionError failure = assertThrows(AssertionError.class, () -> options.assertHeader("Content-Type", "x"));
        assertTrue(failure.getMessage().contains("the header Content-Type: x"), failure.getMessage());
    }

    @Test
    void plainDialectRefusesMcpOnlyOptions() {
        assertThrows(IllegalStateException.class, () -> client.progressToken("t"));
    }
}
