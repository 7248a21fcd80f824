package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceFeatures;

/** MCP over Streamable HTTP on the same endpoint, statelessly: legacy-era clients (2025-03-26 to 2025-11-25). */
class McpIT extends DeployedWarTest {

    private static final String BOTH = "application/json, text/event-stream";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ConformanceFeatures.class);
    }

    private HttpResponse<String> mcp(String body, String version, String accept, String... headers) {
        HttpRequest.Builder request = client.postRequest(body).header("Accept", accept);
        if (version != null) {
            request.header("MCP-Protocol-Version", version);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build());
    }

    private JsonObject result(String method, String params) {
        HttpResponse<String> response = mcp(WireClient.call(1, method, params), "2025-11-25", BOTH);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject answer = WireClient.object(response.body());
        assertTrue(answer.containsKey("result"), answer.toString());
        return answer.getJsonObject("result");
    }

    private static final String INITIALIZE = "{\"protocolVersion\":\"%s\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}";

    @Test
    void initializeIsAnsweredWithoutASessionId() {
        HttpResponse<String> response = mcp(WireClient.call(1, "initialize", INITIALIZE.formatted("2025-11-25")),
                null, BOTH);
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Mcp-Session-Id").isPresent());
        JsonObject result = WireClient.object(response.body()).getJsonObject("result");
        assertEquals("2025-11-25", result.getString("protocolVersion"));
        assertEquals("stateless-mcp", result.getJsonObject("serverInfo").getString("name"));
        assertFalse(result.getJsonObject("capabilities").getJsonObject("tools").getBoolean("listChanged"));
        assertFalse(result.getJsonObject("capabilities").containsKey("logging"));
    }

    @Test
    void initializeEchoesAnOlderSupportedVersion() {
        assertEquals("2025-03-26", result("initialize", INITIALIZE.formatted("2025-03-26")).getString("protocolVersion"));
    }

    @Test
    void initializeWithAnUnknownVersionGetsTheNewestSupported() {
        assertEquals("2025-11-25", result("initialize", INITIALIZE.formatted("2024-11-05")).getString("protocolVersion"));
    }

    @Test
    void notificationsAreAcceptedWithoutABody() {
        HttpResponse<String> response = mcp("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "2025-11-25", BOTH);
        assertEquals(202, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void clientResponsesAreAcceptedWithoutABody() {
        HttpResponse<String> response = mcp("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}", "2025-11-25", BOTH);
        assertEquals(202, response.statusCode());
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
    void toolsListRefusesACursorItNeverIssued() {
        JsonObject answer = WireClient.object(mcp(WireClient.call(1, "tools/list", "{\"cursor\":\"x\"}"),
                "2025-11-25", BOTH).body());
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"));
    }

    @Test
    void toolsCallAnswersTextAndStructuredContent() {
        JsonObject result = result("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":2,\"b\":3}}");
        assertEquals(5, result.getJsonObject("structuredContent").getInt("result"));
        JsonObject text = result.getJsonArray("content").getJsonObject(0);
        assertEquals("text", text.getString("type"));
        assertEquals("{\"result\":5}", text.getString("text"));
        assertFalse(result.containsKey("isError"));
    }

    @Test
    void toolsCallOfAnUnknownToolIsInvalidParams() {
        JsonObject answer = WireClient.object(mcp(WireClient.call(1, "tools/call", "{\"name\":\"nope\"}"),
                "2025-11-25", BOTH).body());
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"));
    }

    @Test
    void toolFailureIsAnIsErrorResult() {
        JsonObject result = result("tools/call", "{\"name\":\"fail\",\"arguments\":{\"message\":\"boom\"}}");
        assertTrue(result.getBoolean("isError"));
        assertEquals("boom", result.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void invalidArgumentsAreAnIsErrorResultFrom20251125() {
        JsonObject result = result("tools/call", "{\"name\":\"add\",\"arguments\":{\"a\":\"x\",\"b\":1}}");
        assertTrue(result.getBoolean("isError"));
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").contains("'a'"));
    }

    @Test
    void invalidArgumentsAreInvalidParamsBefore20251125() {
        JsonObject answer = WireClient.object(mcp(WireClient.call(1, "tools/call",
                "{\"name\":\"add\",\"arguments\":{\"a\":\"x\",\"b\":1}}"), "2025-06-18", BOTH).body());
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"));
    }

    @Test
    void timeoutIsAnIsErrorResult() {
        JsonObject result = result("tools/call", "{\"name\":\"slow\",\"arguments\":{\"seconds\":30}}");
        assertTrue(result.getBoolean("isError"));
        assertTrue(result.getJsonArray("content").getJsonObject(0).getString("text").contains("timed out"));
    }

    @Test
    void streamingToolSendsProgressNotificationsBeforeTheResultOnOneEventStream() {
        HttpResponse<String> response = mcp(WireClient.call(7, "tools/call",
                "{\"name\":\"generate_numbers\",\"arguments\":{\"count\":3,\"delay\":0.01},"
                        + "\"_meta\":{\"progressToken\":\"t1\"}}"), "2025-11-25", BOTH);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        List<JsonObject> events = Arrays.stream(response.body().split("\n\n"))
                .map(event -> event.lines().filter(line -> line.startsWith("data: ")).findFirst().orElseThrow())
                .map(data -> WireClient.object(data.substring("data: ".length())))
                .toList();
        assertEquals(4, events.size(), response.body());
        for (int i = 0; i < 3; i++) {
            JsonObject notification = events.get(i);
            assertEquals("notifications/progress", notification.getString("method"));
            assertEquals("t1", notification.getJsonObject("params").getString("progressToken"));
            assertEquals(i + 1, notification.getJsonObject("params").getInt("progress"));
        }
        JsonObject last = events.get(3);
        assertEquals(7, last.getInt("id"));
        assertEquals(3, last.getJsonObject("result").getJsonObject("structuredContent").getInt("generated"));
    }

    /** Sends {@code notifications/cancelled} for {@code requestId} until {@code call} has ended (bounded). */
    private void cancelUntilEnded(String requestId, CompletableFuture<?> call) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && !call.isDone(); attempt++) {
            HttpResponse<String> cancelled = mcp("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                    + "\"params\":{\"requestId\":" + requestId + ",\"reason\":\"user\"}}", "2025-11-25", BOTH);
            assertEquals(202, cancelled.statusCode());
            Thread.sleep(50);
        }
    }

    @Test
    void cancelledCallEndsWithoutAnAnswer() throws Exception {
        // slow's 5 s timeout would answer 200 with an isError result; a cancelled call answers nothing
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(client.postRequest(WireClient.call("slow-1",
                "tools/call", "{\"name\":\"slow\",\"arguments\":{\"seconds\":30}}"))
                .header("Accept", BOTH).header("MCP-Protocol-Version", "2025-11-25").build());
        cancelUntilEnded("\"slow-1\"", call);
        HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
    }

    @Test
    void cancelledStreamEndsWithoutAResponseEvent() throws Exception {
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(client.postRequest(WireClient.call(41,
                "tools/call", "{\"name\":\"generate_numbers\",\"arguments\":{\"count\":600,\"delay\":0.1},"
                        + "\"_meta\":{\"progressToken\":\"p\"}}"))
                .header("Accept", BOTH).header("MCP-Protocol-Version", "2025-11-25").build());
        cancelUntilEnded("41", call);
        HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        assertFalse(response.body().contains("\"id\":41"), response.body());
    }

    @Test
    void cancellationNamingAnotherIdLeavesTheCallRunning() throws Exception {
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(client.postRequest(WireClient.call("slow-2",
                "tools/call", "{\"name\":\"slow\",\"arguments\":{\"seconds\":1}}"))
                .header("Accept", BOTH).header("MCP-Protocol-Version", "2025-11-25").build());
        mcp("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"slow-3\"}}",
                "2025-11-25", BOTH);
        HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals(1, WireClient.object(response.body()).getJsonObject("result").getJsonObject("structuredContent")
                .getInt("slept"));
    }

    @Test
    void streamingToolWithoutProgressTokenSendsLogMessages() {
        HttpResponse<String> response = mcp(WireClient.call(8, "tools/call",
                "{\"name\":\"generate_numbers\",\"arguments\":{\"count\":2,\"delay\":0.01}}"), "2025-11-25", BOTH);
        assertTrue(response.body().contains("\"method\":\"notifications/message\""), response.body());
        assertTrue(response.body().contains("\"logger\":\"generate_numbers\""), response.body());
    }

    @Test
    void clientAcceptingOnlyJsonGetsThePlainResult() {
        HttpResponse<String> response = mcp(WireClient.call(9, "tools/call",
                "{\"name\":\"generate_numbers\",\"arguments\":{\"count\":2,\"delay\":0.01},"
                        + "\"_meta\":{\"progressToken\":1}}"), "2025-11-25", "application/json");
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(2, WireClient.object(response.body()).getJsonObject("result")
                .getJsonObject("structuredContent").getInt("generated"));
    }

    @Test
    void unsupportedProtocolVersionHeaderIsABadRequest() {
        HttpResponse<String> response = mcp(WireClient.call(1, "ping", null), "1999-01-01", BOTH);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("2025-11-25"), response.body());
    }

    @Test
    void missingProtocolVersionHeaderIsAccepted() {
        assertEquals(200, mcp(WireClient.call(1, "tools/list", null), null, BOTH).statusCode());
    }

    @Test
    void straySessionIdIsIgnored() {
        HttpResponse<String> response = mcp(WireClient.call(1, "ping", null), "2025-11-25", BOTH,
                "Mcp-Session-Id", "from-another-server");
        assertEquals(200, response.statusCode());
    }

    @Test
    void foreignOriginIsForbidden() {
        HttpResponse<String> response = mcp(WireClient.call(1, "ping", null), "2025-11-25", BOTH,
                "Origin", "http://evil.example.com");
        assertEquals(403, response.statusCode());
    }

    @Test
    void corsIsOffUntilOriginsAreConfigured() {
        HttpResponse<String> response = mcp(WireClient.call(1, "ping", null), "2025-11-25", BOTH,
                "Origin", "http://localhost:6274");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void loopbackOriginIsAllowed() {
        assertEquals(200, mcp(WireClient.call(1, "ping", null), "2025-11-25", BOTH,
                "Origin", "http://localhost:6274").statusCode());
    }

    @Test
    void unknownMcpMethodIsMethodNotFound() {
        JsonObject answer = WireClient.object(mcp(WireClient.call(1, "sampling/unknown", null),
                "2025-11-25", BOTH).body());
        assertEquals(-32601, answer.getJsonObject("error").getInt("code"));
    }

    @Test
    void batchMayMixMcpRequestsAndSeedCalls() {
        JsonArray answers = (JsonArray) WireClient.structure(mcp("[" + WireClient.call(1, "ping", null) + ","
                + WireClient.call(2, "add", "[1,2]") + "]", null, BOTH).body());
        assertEquals("{}", answers.getJsonObject(0).getJsonObject("result").toString());
        assertEquals(3, answers.getJsonObject(1).getJsonObject("result").getInt("result"));
    }

    @Test
    void initializeAdvertisesPromptsResourcesAndCompletionsWhenTheDeploymentHasThem() {
        JsonObject capabilities = result("initialize", INITIALIZE.formatted("2025-11-25")).getJsonObject("capabilities");
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
        JsonObject answer = WireClient.object(mcp(WireClient.call(1, "prompts/get",
                "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"x\"}}"), "2025-11-25", BOTH).body());
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"));
        assertTrue(answer.getJsonObject("error").getString("message").contains("'arg2'"));
    }

    @Test
    void unknownPromptIsInvalidParams() {
        JsonObject answer = WireClient.object(mcp(WireClient.call(1, "prompts/get", "{\"name\":\"nope\"}"),
                "2025-11-25", BOTH).body());
        assertEquals(-32602, answer.getJsonObject("error").getInt("code"));
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
        JsonObject error = WireClient.object(mcp(WireClient.call(1, "resources/read", "{\"uri\":\"test://nope\"}"),
                "2025-11-25", BOTH).body()).getJsonObject("error");
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
