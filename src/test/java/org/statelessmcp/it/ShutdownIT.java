package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application stops without an error of its own: the WAR is started in a server of its own of the kind under
 * test, answers a call, and is then undeployed (Payara Server, through {@code asadmin undeploy}) or its server
 * stopped as an operator would ({@code SIGTERM}); the server's output is read afterwards. Payara Server closes the
 * application's class loader before CDI destroys its beans, so a class first needed while stopping cannot be loaded
 * any more: that once made every undeployment log {@code WELD-000019} without a cause.
 */
class ShutdownIT {

    private static final List<String> OUTPUT = new ArrayList<>();
    private static String answer;

    @BeforeAll
    static void serveThenStop() throws Exception {
        ClusterMember server = switch (TargetServer.current()) {
            case PAYARA_MICRO -> PayaraMicroProcess.start(Deployments.productWar(), "shutdown");
            case WILDFLY -> WildFlyProcess.startOne(Deployments.productWar(), "shutdown", 820, Map.of());
            case LIBERTY -> LibertyProcess.startOne(Deployments.productWar(), "shutdown", Map.of());
            case PAYARA_SERVER -> PayaraServerCluster.deployToDas(Deployments.productWar(), "shutdown");
        };
        try {
            answer = server.kit().call("add", "{\"a\":2,\"b\":3}").body();
        } finally {
            server.close();
        }
        OUTPUT.addAll(server.output());
    }

    @AfterAll
    static void forget() {
        OUTPUT.clear();
    }

    private static List<String> lines(String text) {
        return OUTPUT.stream().filter(line -> line.contains(text)).toList();
    }

    @Test
    void theApplicationAnsweredBeforeItStopped() {
        assertTrue(answer.contains("\"result\":5"), answer);
    }

    @Test
    void stoppingLogsNoFailedBeanDestruction() {
        assertEquals(List.of(), lines("WELD-000019"), String.join("\n", OUTPUT));
    }

    @Test
    void stoppingLogsNoStepOfOursThatFailed() {
        assertEquals(List.of(), lines("Stopping stateless-mcp: could not"), String.join("\n", OUTPUT));
    }
}
