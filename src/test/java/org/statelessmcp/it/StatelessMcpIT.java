package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceFeatures;
import org.statelessmcp.it.conformance.RoundTripTools;

/**
 * MCP 2026-07-28 on the wire: no handshake, each request carrying its version and client capabilities, headers that
 * must agree with the body, the revision's HTTP statuses, and multi round-trip requests whose state the client
 * cannot forge.
 */
class StatelessMcpIT extends DeployedWarTest {

    private static final String VERSION = "2026-07-28";
    private static final String ELICITATION = "{\"elicitation\":{}}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClasses(RoundTripTools.class, ConformanceFeatures.class);
    }

    /** A 2026 request: {@code _meta} with version and capabilities, and the headers a conforming client sends. */
    private HttpResponse<String> send(String method, JsonObjectBuilder params, String capabilities,
                                      String... headers) {
        JsonObjectBuilder meta = Json.createObjectBuilder()
                .add("io.modelcontextprotocol/protocolVersion", VERSION)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "it").add("version", "1"))
                .add("io.modelcontextprotocol/clientCapabilities", WireClient.object(capabilities));
        JsonObject built = params.build();
        if (built.containsKey("_meta")) {
            built.getJsonObject("_meta").forEach(meta::add);
        }
        JsonObject body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 7).add("method", method)
                .add("params", Json.createObjectBuilder(built).add("_meta", meta)).build();
        HttpRequest.Builder request = client.postRequest(body.toString())
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", VERSION)
                .header("Mcp-Method", method);
        if (built.get("name") != null || built.get("uri") != null) {
            request.header("Mcp-Name", built.containsKey("name") ? built.getString("name") : built.getString("uri"));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return client.send(request.build());
    }

    private HttpResponse<String> send(String method, JsonObjectBuilder params) {
        return send(method, params, "{}");
    }

    private static JsonObjectBuilder params() {
        return Json.createObjectBuilder();
    }

    private static JsonObjectBuilder call(String tool) {
        return params().add("name", tool).add("arguments", JsonObject.EMPTY_JSON_OBJECT);
    }

    private static JsonObject result(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = WireClient.object(response.body());
        assertTrue(answer.containsKey("result"), answer.toString());
        return answer.getJsonObject("result");
    }

    private static JsonObject error(HttpResponse<String> response, int status, int code) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject answer = WireClient.object(response.body());
        assertEquals(7, answer.getInt("id"), "every error names its request: " + answer);
        assertEquals(code, answer.getJsonObject("error").getInt("code"), answer.toString());
        return answer.getJsonObject("error");
    }

    @Test
    void discoverNamesTheVersionsCapabilitiesAndServerAndMayBeCached() {
        JsonObject discovered = result(send("server/discover", params()));
        assertEquals("[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"]",
                discovered.getJsonArray("supportedVersions").toString());
        assertTrue(discovered.getJsonObject("capabilities").containsKey("tools"), discovered.toString());
        assertEquals("complete", discovered.getString("resultType"));
        assertEquals("stateless-mcp", discovered.getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/serverInfo").getString("name"));
        assertEquals(300_000, discovered.getInt("ttlMs"));
        assertEquals("public", discovered.getString("cacheScope"));
    }

    @Test
    void listResultsCarryCachingHintsAndResourceReadsAreNotShared() {
        JsonObject tools = result(send("tools/list", params()));
        assertEquals("complete", tools.getString("resultType"));
        assertEquals("public", tools.getString("cacheScope"));
        JsonObject read = result(send("resources/read", params().add("uri", "test://static-text")));
        assertEquals(0, read.getInt("ttlMs"));
        assertEquals("private", read.getString("cacheScope"));
    }

    @Test
    void requestWithoutProtocolVersionInMetaIsInvalidParams() {
        HttpResponse<String> response = client.send(client.postRequest(WireClient.call(7, "tools/list", "{}"))
                .header("MCP-Protocol-Version", VERSION).header("Mcp-Method", "tools/list").build());
        error(response, 400, -32602);
    }

    @Test
    void requestWithoutClientCapabilitiesIsInvalidParams() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}";
        HttpResponse<String> response = client.send(client.postRequest(body)
                .header("MCP-Protocol-Version", VERSION).header("Mcp-Method", "tools/list").build());
        assertTrue(error(response, 400, -32602).getString("message").contains("clientCapabilities"));
    }

    @Test
    void versionHeaderDisagreeingWithMetaIsAHeaderMismatch() {
        error(send("tools/list", params(), "{}", "MCP-Protocol-Version", "2025-11-25"), 400, -32020);
    }

    @Test
    void methodHeaderDisagreeingWithTheBodyIsAHeaderMismatch() {
        error(send("tools/list", params(), "{}", "Mcp-Method", "prompts/list"), 400, -32020);
    }

    @Test
    void methodHeaderValuesAreCaseSensitive() {
        error(send("tools/list", params(), "{}", "Mcp-Method", "TOOLS/LIST"), 400, -32020);
    }

    @Test
    void nameHeaderDisagreeingWithTheToolIsAHeaderMismatch() {
        error(send("tools/call", call("test_logging_tool"), "{}", "Mcp-Name", "add"), 400, -32020);
    }

    @Test
    void nameHeaderMayBeBase64EncodedAndSurroundedByWhitespace() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString(
                "test_logging_tool".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertEquals("complete", result(send("tools/call", call("test_logging_tool"), "{}",
                "Mcp-Name", "  " + encoded + " ")).getString("resultType"));
    }

    @Test
    void unsupportedVersionNamesTheSupportedOnes() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"server/discover\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpResponse<String> response = client.send(client.postRequest(body)
                .header("MCP-Protocol-Version", "2099-01-01").header("Mcp-Method", "server/discover").build());
        JsonObject error = error(response, 400, -32022);
        assertEquals("2099-01-01", error.getJsonObject("data").getString("requested"));
        assertTrue(error.getJsonObject("data").getJsonArray("supported").toString().contains(VERSION));
    }

    @Test
    void methodsRemovedFromTheRevisionAreNotFound() {
        for (String method : new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe"}) {
            error(send(method, params()), 404, -32601);
        }
    }

    @Test
    void unknownMethodIsNotFound() {
        error(send("tools/destroy", params()), 404, -32601);
    }

    @Test
    void unknownResourceIsInvalidParamsNamingTheUri() {
        JsonObject error = error(send("resources/read", params().add("uri", "test://nowhere")), 200, -32602);
        assertEquals("test://nowhere", error.getJsonObject("data").getString("uri"));
    }

    @Test
    void toolAskingTheClientAnswersInputRequiredWithASealedState() {
        JsonObject first = result(send("tools/call", call("test_input_required_result_elicitation"), ELICITATION));
        assertEquals("input_required", first.getString("resultType"));
        JsonObject asked = first.getJsonObject("inputRequests").getJsonObject("user_name");
        assertEquals("elicitation/create", asked.getString("method"));
        assertEquals("What is your name?", asked.getJsonObject("params").getString("message"));
        assertFalse(first.getString("requestState").contains("user_name"), "the state is encrypted");
    }

    @Test
    void secondRoundCarriesTheClientsAnswerIntoTheToolsResult() {
        JsonObject first = result(send("tools/call", call("test_input_required_result_multi_round"), ELICITATION));
        JsonObject second = result(send("tools/call", call("test_input_required_result_multi_round")
                .add("inputResponses", WireClient.object("{\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}"))
                .add("requestState", first.getString("requestState")), ELICITATION));
        assertEquals("input_required", second.getString("resultType"));
        assertTrue(second.getJsonObject("inputRequests").getJsonObject("color").getJsonObject("params")
                .getString("message").contains("Ada"), second.toString());
        assertNotEquals(first.getString("requestState"), second.getString("requestState"));
        JsonObject third = result(send("tools/call", call("test_input_required_result_multi_round")
                .add("inputResponses", WireClient.object("{\"color\":{\"action\":\"accept\",\"content\":{\"color\":\"teal\"}}}"))
                .add("requestState", second.getString("requestState")), ELICITATION));
        assertEquals("complete", third.getString("resultType"));
        assertEquals("Ada likes teal", third.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void alteredStateIsRefused() {
        JsonObject first = result(send("tools/call", call("test_input_required_result_multi_round"), ELICITATION));
        String state = first.getString("requestState");
        String altered = state.substring(0, 20) + (state.charAt(20) == 'A' ? 'B' : 'A') + state.substring(21);
        error(send("tools/call", call("test_input_required_result_multi_round")
                .add("inputResponses", WireClient.object("{\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}"))
                .add("requestState", altered), ELICITATION), 200, -32602);
    }

    @Test
    void stateIssuedForAnotherToolIsRefused() {
        JsonObject first = result(send("tools/call", call("test_input_required_result_request_state"), ELICITATION));
        JsonObject refused = error(send("tools/call", call("test_input_required_result_tampered_state")
                .add("inputResponses", WireClient.object("{\"confirm\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}"))
                .add("requestState", first.getString("requestState")), ELICITATION), 200, -32602);
        assertTrue(refused.getString("message").contains("another call"), refused.toString());
    }

    @Test
    void toolAsksOnlyWhatTheClientDeclared() {
        JsonObject first = result(send("tools/call", call("test_input_required_result_capabilities"), "{\"sampling\":{}}"));
        assertEquals(Set.of("capital_question"), first.getJsonObject("inputRequests").keySet());
    }

    @Test
    void askingWithACapabilityTheClientLacksIsAMissingCapability() {
        JsonObject error = error(send("tools/call", call("test_missing_capability")), 400, -32021);
        assertEquals("{\"sampling\":{}}", error.getJsonObject("data").getJsonObject("requiredCapabilities").toString());
    }

    @Test
    void promptMayAskTheClientInRounds() {
        JsonObject first = result(send("prompts/get", params().add("name", "test_input_required_result_prompt"),
                ELICITATION));
        JsonObject second = result(send("prompts/get", params().add("name", "test_input_required_result_prompt")
                .add("inputResponses", WireClient.object("{\"context\":{\"action\":\"accept\",\"content\":{\"context\":\"billing\"}}}"))
                .add("requestState", first.getString("requestState")), ELICITATION));
        assertEquals("complete", second.getString("resultType"));
        assertTrue(second.getJsonArray("messages").toString().contains("Use this context: billing"), second.toString());
    }

    @Test
    void streamingToolLogsNothingUnlessTheRequestAsksForALogLevel() {
        HttpResponse<String> quiet = send("tools/call", call("test_logging_tool"));
        assertEquals("application/json", quiet.headers().firstValue("Content-Type").orElse(""));
        assertFalse(quiet.body().contains("notifications/message"), quiet.body());
    }

    @Test
    void streamingToolLogsOnTheEventStreamAtTheRequestedLevel() {
        HttpResponse<String> logged = send("tools/call", call("test_logging_tool").add("_meta",
                Json.createObjectBuilder().add("io.modelcontextprotocol/logLevel", "info")));
        assertEquals(200, logged.statusCode(), logged.body());
        assertTrue(logged.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals(3, logged.body().split("notifications/message", -1).length - 1, logged.body());
        assertTrue(logged.body().contains("\"resultType\":\"complete\""), logged.body());
    }

    @Test
    void messagesBelowTheRequestedLevelAreNotSent() {
        HttpResponse<String> filtered = send("tools/call", call("test_logging_tool").add("_meta",
                Json.createObjectBuilder().add("io.modelcontextprotocol/logLevel", "warning")));
        assertFalse(filtered.body().contains("notifications/message"), filtered.body());
    }

    @Test
    void batchesAreNotPartOfTheRevision() {
        HttpResponse<String> response = client.send(client.postRequest("[" + WireClient.call(1, "tools/list", "{}") + "]")
                .header("MCP-Protocol-Version", VERSION).build());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("-32600"), response.body());
    }
}
