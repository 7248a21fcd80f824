package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpTestClient;

/**
 * Two different applications of stateless-mcp on one Payara Micro, whose data grid's JCache both use: each keeps its
 * shared state in maps of its own, named by its context path, so that calls to one never count against the other's
 * rate limits (nor reach its tasks).
 */
class SharedNamespaceIT {

    private static final int LIMIT = 3;
    private static PayaraMicroProcess server;
    private static McpTestClient orders;
    private static McpTestClient billing;

    @BeforeAll
    static void startTwoApplicationsOnOneGrid() throws Exception {
        File billingWar = new File(System.getProperty("smcp.it.tmpdir", "target"), "namespaces-billing.war");
        Deployments.productWar().as(ZipExporter.class).exportTo(billingWar, true);
        int gridPort = PayaraMicroProcess.freePort();
        server = PayaraMicroProcess.startWithOptions(Deployments.productWar(), "namespaces-orders",
                List.of("--deploy", billingWar.getPath(), "--clustername", "smcp-namespaces-" + gridPort,
                        "--clustermode", "tcpip:127.0.0.1:" + gridPort, "--interfaces", "127.0.0.1", "--startport",
                        String.valueOf(gridPort)),
                Map.of("SMCP_RATE_LIMIT_ENABLED", "true", "SMCP_RATE_LIMIT_TOOLS", "echo=" + LIMIT + "/minute"));
        orders = server.kit();
        billing = McpTestClient.at("http://127.0.0.1:" + server.port() + "/namespaces-billing/");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachApplicationNamesItsMapsByItsContextPath() {
        for (String application : List.of("namespaces-orders", "namespaces-billing")) {
            assertTrue(server.output().stream().anyMatch(line -> line.contains("is kept in the container's JCache")
                    && line.contains("this application's maps end in '@" + application + "'")),
                    application + ":\n" + String.join("\n", server.output()));
        }
    }

    @Test
    void callsToOneApplicationDoNotCountAgainstTheOthersLimit() {
        for (int call = 1; call <= LIMIT; call++) {
            orders.call("echo", Map.of("message", "order " + call)).assertStatus(200);
        }
        assertEquals(429, orders.call("echo", Map.of("message", "one too many")).status());
        for (int call = 1; call <= LIMIT; call++) {
            billing.call("echo", Map.of("message", "bill " + call)).assertStatus(200);
        }
        assertEquals(429, billing.call("echo", Map.of("message", "one too many")).status());
    }
}
