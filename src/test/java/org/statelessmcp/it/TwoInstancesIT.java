package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statelessness, shown with two instances on two ports: a real MCP client whose consecutive requests alternate
 * between them (as behind a round-robin load balancer without affinity) works exactly as with one, in the 2025
 * revisions and in 2026-07-28, whose round trips carry their state with them.
 */
class TwoInstancesIT extends DeployedWarTest {

    /** Both instances seal MCP requestState with this secret, as a deployment behind a balancer must. */
    private static final String SHARED_SECRET = "a-secret-shared-by-every-instance-0123456789";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return sharedSecretWar();
    }

    private static PayaraMicroProcess second;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        second = PayaraMicroProcess.start(sharedSecretWar(), "second-instance");
    }

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (second != null) {
            second.close();
        }
    }

    private static WebArchive sharedSecretWar() {
        Properties settings = new Properties();
        settings.setProperty("smcp.mcp.request-state.secret", SHARED_SECRET);
        return Deployments.withSettings(Deployments.productWar(), settings);
    }

    @Test
    void clientAlternatingBetweenTwoInstancesWorksAsWithOne() throws Exception {
        JsonObject seen = alternate("alternating-client.mjs");
        assertEquals("[\"add\",\"echo\",\"fail\",\"generate_numbers\",\"greet\",\"slow\"]",
                seen.getJsonArray("tools").toString());
        assertEquals(42, seen.getJsonObject("add").getInt("result"));
        assertEquals(3, seen.getJsonObject("generated").getInt("generated"));
        assertEquals("[1,2,3]", seen.getJsonArray("progress").toString());
        Set<Integer> ports = seen.getJsonArray("visits").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::intValue).collect(Collectors.toSet());
        assertEquals(Set.of(base.getPort(), second.port()), ports, "both instances served the client");
        assertTrue(seen.getJsonArray("visits").size() >= 6, seen.toString());
    }

    @Test
    void statelessRevisionClientCompletesARoundTripBegunOnTheOtherInstance() throws Exception {
        JsonObject seen = alternate("ts-sdk2-client.mjs");
        assertEquals("[\"2026-07-28\"]", seen.getJsonArray("protocolVersions").toString());
        RoundTrips.assertGreetResumedOnTheOtherInstance(seen);
    }

    /** Runs a client script whose requests alternate between the two instances; answers what it printed last. */
    private JsonObject alternate(String script) throws Exception {
        NodeTools.Run run = NodeTools.run(script.replace(".mjs", "-alternating.txt"), 120, script,
                kit.endpoint().toString(), second.mcpUrl());
        assertEquals(0, run.exitCode(), run.output());
        return run.lastJson();
    }
}
