package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Statelessness, shown with two instances on two ports: a real MCP client whose consecutive requests alternate
 * between them (as behind a round-robin load balancer without affinity) works exactly as with one.
 */
class TwoInstancesIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @Test
    void clientAlternatingBetweenTwoInstancesWorksAsWithOne() throws Exception {
        try (PayaraMicroProcess second = PayaraMicroProcess.start(Deployments.productWar(), "second-instance")) {
            String path = client.uri("mcp").getPath();
            NodeTools.Run run = NodeTools.run("alternating-client.txt", 120, "alternating-client.mjs",
                    "http://127.0.0.1:" + base.getPort() + path, second.mcpUrl());
            assertEquals(0, run.exitCode(), run.output());
            String[] lines = run.output().strip().split("\n");
            JsonObject seen = WireClient.object(lines[lines.length - 1]);
            assertEquals("[\"add\",\"echo\",\"fail\",\"generate_numbers\",\"slow\"]", seen.getJsonArray("tools").toString());
            assertEquals(42, seen.getJsonObject("add").getInt("result"));
            assertEquals(3, seen.getJsonObject("generated").getInt("generated"));
            assertEquals("[1,2,3]", seen.getJsonArray("progress").toString());
            Set<Integer> ports = seen.getJsonArray("visits").getValuesAs(JsonNumber.class).stream()
                    .map(JsonNumber::intValue).collect(Collectors.toSet());
            assertEquals(Set.of(base.getPort(), second.port()), ports, "both instances served the client");
            assertTrue(seen.getJsonArray("visits").size() >= 6, seen.toString());
        }
    }
}
