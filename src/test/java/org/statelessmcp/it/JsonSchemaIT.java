package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.SchemaTools;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A tool's hand-written JSON Schema 2020-12 ({@code @Tool(inputSchema)}) on the wire: the conformance suite's
 * {@code json-schema-2020-12} scenario passes whole, every era and {@code GET /tools} serve the schema exactly as
 * written, valid arguments reach the tool, and arguments the schema refuses never do, with messages that say why.
 */
class JsonSchemaIT extends DeployedWarTest {

    private static final String SCHEMA = "org/statelessmcp/it/conformance/contact.schema.json";
    private static final String TOOL = "json_schema_2020_12_tool";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.examples.enabled", "false");
        return Deployments.withSettings(Deployments.productWar().addClasses(SchemaTools.class)
                .addAsResource(SCHEMA), settings);
    }

    private static JsonObject written() throws Exception {
        try (InputStream in = JsonSchemaIT.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            return Json.createReader(in).readObject();
        }
    }

    @Test
    void theConformanceSuitesJsonSchemaScenarioPassesWhole() throws Exception {
        String url = "http://127.0.0.1:" + base.getPort() + client.uri("mcp").getPath();
        NodeTools.Run run = NodeTools.run("conformance-json-schema.txt", 300,
                "node_modules/conformance-next/dist/index.js", "server", "--url", url, "--scenario",
                "json-schema-2020-12", "-o", "target/conformance-json-schema");
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(", 0 failed, 0 warnings"), run.output());
    }

    @Test
    void everyEraAndTheCatalogServeTheSchemaAsWritten() throws Exception {
        for (McpTestClient mcp : new McpTestClient[] {kit.mcp2025("2025-03-26"), kit.mcp2025(), kit.mcp2026()}) {
            JsonObject tool = mcp.list().assertStatus(200).result().getJsonArray("tools").getJsonObject(0);
            assertEquals(TOOL, tool.getString("name"));
            assertEquals(written(), tool.getJsonObject("inputSchema"), mcp.toString());
        }
        assertEquals(written(), kit.get("tools/" + TOOL).assertStatus(200).json().getJsonObject("inputSchema"));
    }

    @Test
    void validArgumentsReachTheTool() {
        assertEquals("contact Ada at Oslo by phone: phone 555, email null", kit.mcp2026().call(TOOL,
                "{\"name\":\"Ada\",\"contactMethod\":\"phone\",\"phone\":\"555\",\"address\":{\"city\":\"Oslo\"}}")
                .assertStatus(200).texts().get(0));
        assertEquals("contact null at no address by null: phone null, email a@b.org",
                kit.mcp2025().call(TOOL, "{\"email\":\"a@b.org\"}").texts().get(0));
        assertEquals("contact Bo at no address by email: phone null, email b@c.org", kit.plain().call(TOOL,
                "{\"name\":\"Bo\",\"contactMethod\":\"email\",\"email\":\"b@c.org\"}").resultValue().toString()
                .replace("\"", ""));
    }

    @Test
    void neitherPhoneNorEmailIsRefusedBeforeTheToolRuns() {
        String why = "the arguments must match one of anyOf's schemas: missing required argument 'phone'"
                + " | missing required argument 'email'; missing required argument 'email' (if/else)";
        kit.mcp2026().call(TOOL, "{\"name\":\"Ada\"}").assertStatus(200).assertIsError(why);
        kit.mcp2025().call(TOOL, "{\"name\":\"Ada\"}").assertIsError(why);
        kit.mcp2025("2025-06-18").call(TOOL, "{\"name\":\"Ada\"}").assertError(-32602, why);
        kit.plain().call(TOOL, "{\"name\":\"Ada\"}").assertError(-32602, why);
    }

    @Test
    void contactByPhoneWithoutAPhoneIsRefused() {
        kit.mcp2026().call(TOOL, "{\"contactMethod\":\"phone\",\"email\":\"a@b.org\"}")
                .assertIsError("missing required argument 'phone' (if/then)");
        kit.mcp2025("2025-06-18").call(TOOL, "{\"contactMethod\":\"phone\",\"email\":\"a@b.org\"}")
                .assertError(-32602, "missing required argument 'phone' (if/then)");
    }

    @Test
    void anUnknownPropertyOrAWrongTypeIsRefused() {
        kit.mcp2026().call(TOOL, "{\"email\":\"a@b.org\",\"nickname\":\"A\"}")
                .assertIsError("unknown argument 'nickname'");
        kit.mcp2026().call(TOOL, "{\"email\":\"a@b.org\",\"address\":{\"city\":7}}")
                .assertIsError("'address.city' must be a string, got the number 7");
        kit.mcp2026().call(TOOL, "{\"email\":\"a@b.org\",\"contactMethod\":\"fax\"}")
                .assertIsError("'contactMethod' must be one of [\"phone\",\"email\"], got a string");
        kit.plain().call(TOOL, "[\"Ada\"]").assertError(-32602, "takes named arguments only");
    }
}
