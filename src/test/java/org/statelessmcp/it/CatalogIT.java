package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/** {@code GET /health}, {@code GET /tools} and {@code GET /tools/{name}} of the WAR exactly as shipped. */
class CatalogIT extends DeployedWarTest {

    private static final List<String> EXAMPLES = List.of("add", "echo", "greet", "generate_numbers", "fail", "slow");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void healthReportsStatusVersionAndToolCount() {
        McpResponse response = kit.get("health").assertStatus(200);
        JsonObject health = response.json();
        assertEquals("healthy", health.getString("status"));
        assertEquals(EXAMPLES.size(), health.getInt("tools"));
        assertTrue(health.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), health.toString());
        assertTrue(response.headers().firstValue("X-Request-ID").isPresent(), response.toString());
    }

    @Test
    void toolsListsEveryExampleTool() {
        JsonObject catalog = kit.list().json();
        assertEquals(EXAMPLES.size(), catalog.getInt("count"));
        for (String name : EXAMPLES) {
            JsonObject tool = catalog.getJsonObject("tools").getJsonObject(name);
            assertEquals(name, tool.getString("name"));
            assertFalse(tool.getString("description").isEmpty(), name);
            assertEquals("object", tool.getJsonObject("inputSchema").getString("type"), name);
        }
    }

    @Test
    void toolDescribesItsStreamingTimeoutAndInputSchema() {
        JsonObject tool = kit.get("tools/generate_numbers").assertStatus(200).json();
        assertTrue(tool.getBoolean("streaming"));
        assertEquals(60, tool.getInt("timeout"));
        JsonObject properties = tool.getJsonObject("inputSchema").getJsonObject("properties");
        assertEquals("integer", properties.getJsonObject("count").getString("type"));
        assertEquals(10, properties.getJsonObject("count").getInt("default"));
        assertEquals("number", properties.getJsonObject("delay").getString("type"));
        assertEquals("integer", properties.getJsonObject("fail_after").getString("type"));
        assertFalse(tool.getJsonObject("inputSchema").containsKey("required"), "every argument is optional");
    }

    @Test
    void toolWithoutDeclaredTimeoutShowsTheDefault() {
        JsonObject tool = kit.get("tools/add").json();
        assertFalse(tool.getBoolean("streaming"));
        assertEquals(30, tool.getInt("timeout"));
        assertEquals(List.of("a", "b"), tool.getJsonObject("inputSchema").getJsonArray("required")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(tool.getJsonObject("annotations").getBoolean("readOnlyHint"));
    }

    @Test
    void unknownToolIs404WithAJsonBody() {
        McpResponse response = kit.get("tools/no_such_tool").assertStatus(404)
                .assertHeader("Content-Type", "application/json").assertNoInternals();
        assertEquals("not_found", response.json().getString("error"));
    }

    @Test
    void probeToolsAreNotInTheShippedWar() {
        kit.get("tools/probe_state").assertStatus(404);
    }
}
