package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceFeatures;
import org.statelessmcp.it.conformance.Forms;
import org.statelessmcp.it.conformance.RoundTripTools;
import org.statelessmcp.testkit.McpResponse;
import org.statelessmcp.testkit.McpTestClient;

/**
 * MCP 2026-07-28 on the wire: no handshake, each request carrying its version and client capabilities, headers that
 * must agree with the body, the revision's HTTP statuses, and multi round-trip requests whose state the client
 * cannot forge.
 */
class StatelessMcpIT extends DeployedWarTest {

    private static final String VERSION = "2026-07-28";
    private static final String ELICITATION = "{\"elicitation\":{}}";
    private static final JsonObject ADA = WireClient.object("{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClasses(RoundTripTools.class, ConformanceFeatures.class, Forms.class);
    }

    /** A 2026 client declaring these capabilities; every request has id 7. */
    private McpTestClient mcp(String capabilities) {
        return kit.mcp2026().id(7).capabilities(capabilities);
    }

    private McpTestClient mcp() {
        return mcp("{}");
    }

    /** A client sending the MCP headers by hand, for bodies a conforming client would not send. */
    private McpTestClient raw(String version, String method) {
        return kit.id(7).header("MCP-Protocol-Version", version).header("Mcp-Method", method);
    }

    private static JsonObjectBuilder params() {
        return Json.createObjectBuilder();
    }

    private static JsonObjectBuilder call(String tool) {
        return params().add("name", tool).add("arguments", JsonObject.EMPTY_JSON_OBJECT);
    }

    private static JsonObject result(McpResponse response) {
        return response.assertStatus(200).result();
    }

    private static JsonObject error(McpResponse response, int status, int code) {
        response.assertStatus(status);
        assertEquals(7, response.json().getInt("id"), "every error names its request: " + response.json());
        return response.assertError(code, null).error();
    }

    @Test
    void discoverNamesTheVersionsCapabilitiesAndServerAndMayBeCached() {
        JsonObject discovered = result(mcp().request("server/discover"));
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
    void withoutSkillsTheSkillsExtensionIsNeitherDeclaredNorServed() {
        JsonObject capabilities = result(mcp().request("server/discover")).getJsonObject("capabilities");
        assertFalse(capabilities.containsKey("extensions")
                && capabilities.getJsonObject("extensions").containsKey("io.modelcontextprotocol/skills"),
                capabilities.toString());
        for (String method : new String[] {"skills/list", "skills/get", "resources/directory/read"}) {
            error(mcp().request(method, "{\"uri\":\"skill://x/SKILL.md\"}"), 404, -32601);
        }
    }

    @Test
    void listResultsCarryCachingHintsAndResourceReadsAreNotShared() {
        JsonObject tools = result(mcp().request("tools/list"));
        assertEquals("complete", tools.getString("resultType"));
        assertEquals("public", tools.getString("cacheScope"));
        JsonObject read = result(mcp().request("resources/read", "{\"uri\":\"test://static-text\"}"));
        assertEquals(0, read.getInt("ttlMs"));
        assertEquals("private", read.getString("cacheScope"));
    }

    @Test
    void requestWithoutProtocolVersionInMetaIsInvalidParams() {
        error(raw(VERSION, "tools/list").request("tools/list", "{}"), 400, -32602);
    }

    @Test
    void requestWithoutClientCapabilitiesIsInvalidParams() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}";
        assertTrue(error(raw(VERSION, "tools/list").send(body), 400, -32602).getString("message")
                .contains("clientCapabilities"));
    }

    @Test
    void versionHeaderDisagreeingWithMetaIsAHeaderMismatch() {
        error(mcp().header("MCP-Protocol-Version", "2025-11-25").request("tools/list"), 400, -32020);
    }

    @Test
    void methodHeaderDisagreeingWithTheBodyIsAHeaderMismatch() {
        error(mcp().header("Mcp-Method", "prompts/list").request("tools/list"), 400, -32020);
    }

    @Test
    void methodHeaderValuesAreCaseSensitive() {
        error(mcp().header("Mcp-Method", "TOOLS/LIST").request("tools/list"), 400, -32020);
    }

    @Test
    void nameHeaderDisagreeingWithTheToolIsAHeaderMismatch() {
        error(mcp().header("Mcp-Name", "add").call("test_logging_tool"), 400, -32020);
    }

    @Test
    void nameHeaderMayBeBase64EncodedAndSurroundedByWhitespace() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString(
                "test_logging_tool".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertEquals("complete", result(mcp().header("Mcp-Name", "  " + encoded + " ").call("test_logging_tool"))
                .getString("resultType"));
    }

    @Test
    void unsupportedVersionNamesTheSupportedOnes() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"server/discover\",\"params\":{\"_meta\":"
                + "{\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        JsonObject error = error(raw("2099-01-01", "server/discover").send(body), 400, -32022);
        assertEquals("2099-01-01", error.getJsonObject("data").getString("requested"));
        assertTrue(error.getJsonObject("data").getJsonArray("supported").toString().contains(VERSION));
    }

    @Test
    void methodsRemovedFromTheRevisionAreNotFound() {
        for (String method : new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe"}) {
            error(mcp().request(method), 404, -32601);
        }
    }

    @Test
    void unknownMethodIsNotFound() {
        error(mcp().request("tools/destroy"), 404, -32601);
    }

    @Test
    void unknownResourceIsInvalidParamsNamingTheUri() {
        JsonObject error = error(mcp().request("resources/read", "{\"uri\":\"test://nowhere\"}"), 200, -32602);
        assertEquals("test://nowhere", error.getJsonObject("data").getString("uri"));
    }

    @Test
    void toolAskingTheClientAnswersInputRequiredWithASealedState() {
        McpResponse response = mcp(ELICITATION).call("test_input_required_result_elicitation");
        JsonObject first = result(response);
        assertEquals("input_required", first.getString("resultType"));
        JsonObject asked = response.inputRequests().get("user_name");
        assertEquals("elicitation/create", asked.getString("method"));
        assertEquals("What is your name?", asked.getJsonObject("params").getString("message"));
        assertFalse(first.getString("requestState").contains("user_name"), "the state is encrypted");
    }

    @Test
    void secondRoundCarriesTheClientsAnswerIntoTheToolsResult() {
        McpResponse firstRound = mcp(ELICITATION).call("test_input_required_result_multi_round");
        JsonObject first = result(firstRound);
        McpResponse secondRound = firstRound.answer("name", "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}");
        JsonObject second = result(secondRound);
        assertEquals("input_required", second.getString("resultType"));
        assertTrue(second.getJsonObject("inputRequests").getJsonObject("color").getJsonObject("params")
                .getString("message").contains("Ada"), second.toString());
        assertNotEquals(first.getString("requestState"), second.getString("requestState"));
        JsonObject third = result(secondRound.answer("color",
                "{\"action\":\"accept\",\"content\":{\"color\":\"teal\"}}"));
        assertEquals("complete", third.getString("resultType"));
        assertEquals("Ada likes teal", third.getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void alteredStateIsRefused() {
        JsonObject first = result(mcp(ELICITATION).call("test_input_required_result_multi_round"));
        String state = first.getString("requestState");
        String altered = state.substring(0, 20) + (state.charAt(20) == 'A' ? 'B' : 'A') + state.substring(21);
        error(mcp(ELICITATION).request("tools/call", call("test_input_required_result_multi_round")
                .add("inputResponses", Json.createObjectBuilder().add("name", ADA))
                .add("requestState", altered).build()), 200, -32602);
    }

    @Test
    void stateIssuedForAnotherToolIsRefused() {
        JsonObject first = result(mcp(ELICITATION).call("test_input_required_result_request_state"));
        JsonObject answered = call("test_input_required_result_tampered_state")
                .add("inputResponses",
                        WireClient.object("{\"confirm\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}"))
                .add("requestState", first.getString("requestState")).build();
        JsonObject refused = error(mcp(ELICITATION).request("tools/call", answered), 200, -32602);
        assertTrue(refused.getString("message").contains("another call"), refused.toString());
    }

    @Test
    void toolAsksOnlyWhatTheClientDeclared() {
        McpResponse first = mcp("{\"sampling\":{}}").call("test_input_required_result_capabilities").assertStatus(200);
        assertEquals(Set.of("capital_question"), first.inputRequests().keySet());
    }

    @Test
    void askingWithACapabilityTheClientLacksIsAMissingCapability() {
        JsonObject error = error(mcp().call("test_missing_capability"), 400, -32021);
        assertEquals("{\"sampling\":{}}", error.getJsonObject("data").getJsonObject("requiredCapabilities").toString());
    }

    @Test
    void promptMayAskTheClientInRounds() {
        McpResponse first = mcp(ELICITATION).request("prompts/get", "{\"name\":\"test_input_required_result_prompt\"}");
        JsonObject second = result(first.assertStatus(200)
                .answer("context", "{\"action\":\"accept\",\"content\":{\"context\":\"billing\"}}"));
        assertEquals("complete", second.getString("resultType"));
        assertTrue(second.getJsonArray("messages").toString().contains("Use this context: billing"), second.toString());
    }

    @Test
    void streamingToolLogsNothingUnlessTheRequestAsksForALogLevel() {
        McpResponse quiet = mcp().call("test_logging_tool");
        assertEquals("application/json", quiet.contentType());
        assertFalse(quiet.body().contains("notifications/message"), quiet.body());
    }

    @Test
    void streamingToolLogsOnTheEventStreamAtTheRequestedLevel() {
        McpResponse logged = mcp().logLevel("info").call("test_logging_tool");
        assertEquals(200, logged.status(), logged.body());
        assertTrue(logged.contentType().startsWith("text/event-stream"));
        assertEquals(3, logged.body().split("notifications/message", -1).length - 1, logged.body());
        assertEquals(3, logged.logs().size(), logged.body());
        assertTrue(logged.body().contains("\"resultType\":\"complete\""), logged.body());
    }

    @Test
    void messagesBelowTheRequestedLevelAreNotSent() {
        McpResponse filtered = mcp().logLevel("warning").call("test_logging_tool");
        assertFalse(filtered.body().contains("notifications/message"), filtered.body());
    }

    @Test
    void batchesAreNotPartOfTheRevision() {
        McpResponse response = kit.header("MCP-Protocol-Version", VERSION)
                .send("[" + kit.id(1).requestBody("tools/list", "{}") + "]");
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("-32600"), response.body());
    }
}
