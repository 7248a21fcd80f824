package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceTools;

/** The official MCP TypeScript SDK client and MCP Inspector's CLI mode against the deployed WAR. */
class NodeMcpClientsIT extends DeployedWarTest {

    private static final String INSPECTOR = "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ConformanceTools.class);
    }

    private String url() {
        return client.uri("mcp").toString();
    }

    @Test
    void typeScriptSdkClientListsCallsAndReceivesProgressWithoutASession() throws Exception {
        NodeTools.Run run = NodeTools.run("ts-sdk-client.txt", 120, "ts-sdk-client.mjs", url());
        assertEquals(0, run.exitCode(), run.output());
        JsonObject seen = run.lastJson();
        assertTrue(
                seen.getJsonArray("tools").toString()
                        .startsWith("[\"add\",\"echo\",\"fail\",\"generate_numbers\",\"greet\",\"slow\""),
                seen.toString());
        assertEquals(5, seen.getJsonObject("add").getInt("result"));
        assertEquals(3, seen.getJsonObject("generated").getInt("generated"));
        assertEquals("[1,2,3]", seen.getJsonArray("progress").toString());
        assertTrue(seen.isNull("sessionId"), "a stateless server issues no session: " + seen);
    }

    @Test
    void toolResultCarriesTheClientsRealAnswerToAnElicitation() throws Exception {
        JsonObject seen = NodeTools.run("ts-sdk-client-ask.txt", 120, "ts-sdk-client.mjs", url()).lastJson();
        assertEquals("User response: action=accept, content={\"username\":\"ada\",\"email\":\"ada@example.com\"}",
                seen.getString("elicitation"));
    }

    @Test
    void toolResultCarriesTheClientModelsRealAnswerToASamplingRequest() throws Exception {
        JsonObject seen = NodeTools.run("ts-sdk-client-sample.txt", 120, "ts-sdk-client.mjs", url()).lastJson();
        assertEquals("LLM response: model saw: What is 6 x 7?", seen.getString("sampling"));
    }

    @Test
    void typeScriptSdkV2ClientSpeaksTheStatelessRevisionAndAnswersAnElicitationByRoundTrip() throws Exception {
        NodeTools.Run run = NodeTools.run("ts-sdk2-client.txt", 120, "ts-sdk2-client.mjs", url());
        assertEquals(0, run.exitCode(), run.output());
        JsonObject seen = run.lastJson();
        assertEquals("[\"2026-07-28\"]", seen.getJsonArray("protocolVersions").toString());
        assertEquals("[\"server/discover\",\"tools/list\",\"tools/call\"]", seen.getJsonArray("methods").toString(),
                "no initialize: " + seen);
        assertEquals(5, seen.getJsonObject("add").getInt("result"));
        assertEquals("[1,2,3]", seen.getJsonArray("progress").toString());
        assertEquals("Hello, Ada!", seen.getString("greet"), "the client's real answer came back in the second round");
    }

    @Test
    void inspectorCliListsTheTools() throws Exception {
        NodeTools.Run run = NodeTools.run("inspector-tools-list.txt", 120, INSPECTOR,
                "--cli", url(), "--transport", "http", "--method", "tools/list");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("\"name\": \"generate_numbers\""), run.output());
    }

    @Test
    void inspectorCliCallsAdd() throws Exception {
        NodeTools.Run run = NodeTools.run("inspector-tools-call.txt", 120, INSPECTOR,
                "--cli", url(), "--transport", "http", "--method", "tools/call",
                "--tool-name", "add", "--tool-arg", "a=2", "--tool-arg", "b=3");
        assertEquals(0, run.exitCode(), run.output());
        String compact = run.output().replaceAll("\\s", "");
        assertTrue(compact.contains("\"structuredContent\":{\"result\":5}"), run.output());
    }
}
