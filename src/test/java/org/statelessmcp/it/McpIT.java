package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceFeatures;
import org.statelessmcp.testkit.McpResponse;
import org.statelessmcp.testkit.McpTestClient;

/** MCP over Streamable HTTP on the same endpoint, statelessly: legacy-era clients (2025-03-26 to 2025-11-25). */
class McpIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ConformanceFeatures.class);
    }

    /** A 2025-11-25 client. */
    private McpTestClient mcp() {
        return kit.mcp2025();
    }

    /** The result of an answer that must be plain JSON. */
    private static JsonObject result(McpResponse response) {
        response.assertStatus(200);
        assertEquals("application/json", response.contentType());
        return response.result();
    }

    private JsonObject result(String method, String params) {
        return result(params == null ? mcp().request(method) : mcp().request(method, params));
    }

    private static final String INITIALIZE = "{\"protocolVersion\":\"%s\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}";

    @Test
    void initializeIsAnsweredWithoutASessionId() {
        McpResponse response = mcp().header("MCP-Protocol-Version", null)
                .request("initialize", INITIALIZE.formatted("2025-11-25"));
        assertEquals(200, response.status());
        assertNull(response.header("Mcp-Session-Id"));
        JsonObject result = response.result();
        assertEquals("2025-11-25", result.getString("protocolVersion"));
        assertEquals("stateless-mcp", result.getJsonObject("serverInfo").getString("name"));
        assertFalse(result.getJsonObject("capabilities").getJsonObject("tools").getBoolean("listChanged"));
        assertFalse(result.getJsonObject("capabilities").containsKey("logging"));
    }

    @Test
    void initializeEchoesAnOlderSupportedVersion() {
        assertEquals("2025-03-26",
                result("initialize", INITIALIZE.formatted("2025-03-26")).getString("protocolVersion"));
    }

    @Test
    void initializeWithAnUnknownVersionGetsTheNewestSupported() {
        assertEquals("2025-11-25",
                result("initialize", INITIALIZE.formatted("2024-11-05")).getString("protocolVersion"));
    }

    @Test
    void notificationsAreAcceptedWithoutABody() {
        McpResponse response = mcp().send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertEquals(202, response.status());
        assertEquals("", response.body());
    }

    @Test
    void clientResponsesAreAcceptedWithoutABody() {
        assertEquals(202, mcp().send("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}").status());
    }

    @Test
    void pingAnswersAnEmptyObject() {
        assertEquals("{}", result("ping", null).toString());
    }

    @Test
    void loggingSetLevelIsAcceptedWithAnEmptyResult() {
        assertEquals("{}", result("logging/setLevel", "{\"level\":\"info\"}").toString());
    }

    @Test
    void toolsListDescribesEveryToolWithSchemasAndHints() {
        JsonArray tools = result("tools/list", null).getJsonArray("tools");
        assertEquals(List.of("add", "slow", "echo", "greet", "generate_numbers", "fail").stream().sorted().toList(),
                tools.getValuesAs(JsonObject.class).stream().map(t -> t.getString("name")).sorted().toList());
        JsonObject add = tools.getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("name").equals("add")).findFirst().orElseThrow();
        assertEquals("Adds two numbers.", add.getString("description"));
        assertEquals("object", add.getJsonObject("inputSchema").getString("type"));
        assertEquals("number", add.getJsonObject("outputSchema").getJsonObject("properties")
                .getJsonObject("result").getString("type"));
        assertTrue(add.getJsonObject("annotations").getBoolean("readOnlyHint"));
    }

    @Test
    void derivedSchemasDeclareJsonSchema2020_12() {
        for (JsonObject tool : result("tools/list", null).getJsonArray("tools").getValuesAs(JsonObject.class)) {
            assertEquals("https://json-schema.org/draft/2020-12/schema",
                    tool.getJsonObject("inputSchema").getString("$schema"), tool.getString("name"));
            if (tool.containsKey("outputSchema")) {
                assertEquals("https://json-schema.org/draft/2020-12/schema",
                        tool.getJsonObject("outputSchema").getString("$schema"), tool.getString("name"));
            }
        }
    }

    @Test
    void toolsListRefusesACursorItNeverIssued() {
        mcp().request("tools/list", "{\"cursor\":\"x\"}").assertError(-32602, null);
    }

    @Test
    void toolsCallAnswersTextAndStructuredContent() {
        JsonObject result = result(mcp().call("add", Map.of("a", 2, "b", 3)));
        assertEquals(5, result.getJsonObject("structuredContent").getInt("result"));
        JsonObject text = result.getJsonArray("content").getJsonObject(0);
        assertEquals("text", text.getString("type"));
        assertEquals("{\"result\":5}", text.getString("text"));
        assertFalse(result.containsKey("isError"));
    }

    @Test
    void toolsCallOfAnUnknownToolIsInvalidParams() {
        mcp().call("nope").assertError(-32602, null);
    }

    @Test
    void toolFailureIsAnIsErrorResult() {
        JsonObject result = result(mcp().call("fail", Map.of("message", "boom")));
        assertTrue(result.getBoolean("isError"));
        assertEquals("boom", result.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void invalidArgumentsAreAnIsErrorResultFrom20251125() {
        JsonObject result = result(mcp().call("add", Map.of("a", "x", "b", 1)));
        assertTrue(result.getBoolean("isError"));
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").contains("'a'"));
    }

    @Test
    void invalidArgumentsAreInvalidParamsBefore20251125() {
        kit.mcp2025("2025-06-18").call("add", Map.of("a", "x", "b", 1)).assertError(-32602, null);
    }

    @Test
    void timeoutIsAnIsErrorResult() {
        JsonObject result = result(mcp().call("slow", Map.of("seconds", 30)));
        assertTrue(result.getBoolean("isError"));
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").contains("timed out"));
    }

    @Test
    void streamingToolSendsProgressNotificationsBeforeTheResultOnOneEventStream() {
        McpResponse response = mcp().id(7).progressToken("t1")
                .call("generate_numbers", Map.of("count", 3, "delay", 0.01));
        assertEquals(200, response.status());
        assertEquals("text/event-stream", response.contentType());
        assertEquals(3, response.chunks().size(), response.body());
        for (JsonObject notification : response.notifications()) {
            assertEquals("notifications/progress", notification.getString("method"));
            assertEquals("t1", notification.getJsonObject("params").getString("progressToken"));
        }
        response.assertProgress(1, 2, 3);
        JsonObject last = response.json();
        assertEquals(7, last.getInt("id"));
        assertEquals(3, last.getJsonObject("result").getJsonObject("structuredContent").getInt("generated"));
    }

    /** Sends {@code notifications/cancelled} for {@code requestId} until {@code call} has ended (bounded). */
    private void cancelUntilEnded(String requestId, CompletableFuture<?> call) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && !call.isDone(); attempt++) {
            mcp().send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":" + requestId + ",\"reason\":\"user\"}}").assertStatus(202);
            Thread.sleep(50);
        }
    }

    @Test
    void cancelledCallEndsWithoutAnAnswer() throws Exception {
        // slow's 5 s timeout would answer 200 with an isError result; a cancelled call answers nothing
        CompletableFuture<McpResponse> call = mcp().id("slow-1").callAsync("slow", Map.of("seconds", 30));
        cancelUntilEnded("\"slow-1\"", call);
        McpResponse response = call.get(30, TimeUnit.SECONDS);
        assertEquals(204, response.status(), response.body());
        assertEquals("", response.body());
    }

    @Test
    void cancelledStreamEndsWithoutAResponseEvent() throws Exception {
        CompletableFuture<McpResponse> call = mcp().id(41).progressToken("p")
                .callAsync("generate_numbers", Map.of("count", 600, "delay", 0.1));
        cancelUntilEnded("41", call);
        McpResponse response = call.get(30, TimeUnit.SECONDS);
        assertEquals("text/event-stream", response.contentType());
        assertFalse(response.body().contains("\"id\":41"), response.body());
    }

    @Test
    void cancellationNamingAnotherIdLeavesTheCallRunning() throws Exception {
        CompletableFuture<McpResponse> call = mcp().id("slow-2").callAsync("slow", Map.of("seconds", 1));
        mcp().send(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"slow-3\"}}");
        McpResponse response = call.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.status());
        assertEquals(1, response.result().getJsonObject("structuredContent").getInt("slept"));
    }

    @Test
    void streamingToolWithoutProgressTokenSendsLogMessages() {
        McpResponse response = mcp().call("generate_numbers", Map.of("count", 2, "delay", 0.01));
        assertTrue(response.body().contains("\"method\":\"notifications/message\""), response.body());
        assertTrue(response.body().contains("\"logger\":\"generate_numbers\""), response.body());
    }

    @Test
    void clientAcceptingOnlyJsonGetsThePlainResult() {
        McpResponse response = mcp().header("Accept", "application/json").progressToken(1)
                .call("generate_numbers", Map.of("count", 2, "delay", 0.01));
        assertEquals("application/json", response.contentType());
        assertEquals(2, response.result().getJsonObject("structuredContent").getInt("generated"));
    }

    @Test
    void unsupportedProtocolVersionHeaderIsABadRequest() {
        McpResponse response = kit.mcp2025("1999-01-01").request("ping");
        assertEquals(400, response.status());
        assertTrue(response.body().contains("2025-11-25"), response.body());
    }

    @Test
    void missingProtocolVersionHeaderIsAccepted() {
        assertEquals(200, mcp().header("MCP-Protocol-Version", null).request("tools/list").status());
    }

    @Test
    void straySessionIdIsIgnored() {
        assertEquals(200, mcp().header("Mcp-Session-Id", "from-another-server").request("ping").status());
    }

    @Test
    void foreignOriginIsForbidden() {
        assertEquals(403, mcp().header("Origin", "http://evil.example.com").request("ping").status());
    }

    @Test
    void corsIsOffUntilOriginsAreConfigured() {
        McpResponse response = mcp().header("Origin", "http://localhost:6274").request("ping");
        assertEquals(200, response.status());
        assertNull(response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void loopbackOriginIsAllowed() {
        assertEquals(200, mcp().header("Origin", "http://localhost:6274").request("ping").status());
    }

    @Test
    void unknownMcpMethodIsMethodNotFound() {
        mcp().request("sampling/unknown").assertError(-32601, null);
    }

    @Test
    void batchMayMixMcpRequestsAndPlainJsonRpcCalls() {
        JsonArray answers = mcp().header("MCP-Protocol-Version", null)
                .send("[" + kit.id(1).requestBody("ping", null) + ","
                        + kit.id(2).requestBody("add", "[1,2]") + "]")
                .batch();
        assertEquals("{}", answers.getJsonObject(0).getJsonObject("result").toString());
        assertEquals(3, answers.getJsonObject(1).getJsonObject("result").getInt("result"));
    }

    @Test
    void initializeAdvertisesPromptsResourcesAndCompletionsWhenTheDeploymentHasThem() {
        JsonObject capabilities = result("initialize", INITIALIZE.formatted("2025-11-25"))
                .getJsonObject("capabilities");
        assertFalse(capabilities.getJsonObject("prompts").getBoolean("listChanged"));
        assertFalse(capabilities.getJsonObject("resources").getBoolean("subscribe"));
        assertTrue(capabilities.containsKey("completions"));
    }

    @Test
    void promptIsRenderedWithItsArguments() {
        JsonObject result = result("prompts/get",
                "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"x\",\"arg2\":\"y\"}}");
        JsonObject message = result.getJsonArray("messages").getJsonObject(0);
        assertEquals("user", message.getString("role"));
        assertEquals("Prompt with arguments: arg1='x', arg2='y'", message.getJsonObject("content").getString("text"));
    }

    @Test
    void promptWithoutARequiredArgumentIsInvalidParams() {
        mcp().request("prompts/get", "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"x\"}}")
                .assertError(-32602, "'arg2'");
    }

    @Test
    void unknownPromptIsInvalidParams() {
        mcp().request("prompts/get", "{\"name\":\"nope\"}").assertError(-32602, null);
    }

    @Test
    void resourceTemplateReadsTheMatchingUri() {
        JsonObject contents = result("resources/read", "{\"uri\":\"test://template/42/data\"}")
                .getJsonArray("contents").getJsonObject(0);
        assertEquals("test://template/42/data", contents.getString("uri"));
        assertEquals("application/json", contents.getString("mimeType"));
        assertTrue(contents.getString("text").contains("\"id\":\"42\""), contents.toString());
    }

    @Test
    void binaryResourceIsABase64Blob() {
        JsonObject contents = result("resources/read", "{\"uri\":\"test://static-binary\"}")
                .getJsonArray("contents").getJsonObject(0);
        assertTrue(java.util.Base64.getDecoder().decode(contents.getString("blob")).length > 0);
    }

    @Test
    void unknownResourceIsResourceNotFoundNamingTheUri() {
        JsonObject error = mcp().request("resources/read", "{\"uri\":\"test://nope\"}").error();
        assertEquals(-32002, error.getInt("code"));
        assertEquals("test://nope", error.getJsonObject("data").getString("uri"));
    }

    @Test
    void resourcesAndTemplatesAreListed() {
        assertEquals(3, result("resources/list", null).getJsonArray("resources").size());
        assertEquals("test://template/{id}/data", result("resources/templates/list", null)
                .getJsonArray("resourceTemplates").getJsonObject(0).getString("uriTemplate"));
    }
}
