package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.invalid.InvalidTools;

/**
 * Invalid tool methods fail the deployment, every problem named at once: the WAR is started in a real server of the
 * kind under test (Payara Micro, WildFly, Open Liberty; on Payara Server, deployed with {@code asadmin deploy} to the
 * DAS of a domain of its own), and the server's own output is read (on Payara Server, asadmin's answer too).
 */
class DeploymentValidationIT {

    private static final List<String> OUTPUT = new ArrayList<>();

    @BeforeAll
    static void deployInvalidTools() throws Exception {
        WebArchive war = Deployments.productWar().addClass(InvalidTools.class);
        try (ClusterMember server = switch (TargetServer.current()) {
            case PAYARA_MICRO -> PayaraMicroProcess.start(war, "invalid-tools");
            case WILDFLY -> WildFlyProcess.startOne(war, "invalid-tools", 800, Map.of());
            case LIBERTY -> LibertyProcess.startOne(war, "invalid-tools", Map.of());
            case PAYARA_SERVER -> PayaraServerCluster.deployToDas(war, "invalid-tools");
        }) {
            OUTPUT.addAll(server.output());
        }
    }

    /**
     * How the server says that it serves an application. WildFly logs {@code WFLYSRV0010: Deployed} for a WAR of the
     * deployment scanner even when its services then fail; only a served one gets its web context.
     */
    private static String deployed() {
        return switch (TargetServer.current()) {
            case PAYARA_MICRO, PAYARA_SERVER -> "was successfully deployed";
            case WILDFLY -> "WFLYUT0021: Registered web context";
            case LIBERTY -> "CWWKZ0001I";
        };
    }

    @AfterAll
    static void forget() {
        OUTPUT.clear();
    }

    private static boolean logged(String text) {
        return OUTPUT.stream().anyMatch(line -> line.contains(text));
    }

    @Test
    void duplicateToolNamesFailTheDeploymentNamingBothMethods() {
        assertTrue(logged("Duplicate tool name 'twin': " + InvalidTools.class.getName() + "#first and "
                + InvalidTools.class.getName() + "#second"), String.join("\n", OUTPUT));
    }

    @Test
    void unsupportedParameterTypeFailsTheDeploymentNamingTheMethodAndTheType() {
        assertTrue(logged("Invalid @Tool method " + InvalidTools.class.getName() + "#dated: parameter 'when': "
                + "java.util.Date has no JSON Schema mapping"), String.join("\n", OUTPUT));
    }

    @Test
    void emitterWithoutStreamingFailsTheDeployment() {
        assertTrue(logged(InvalidTools.class.getName() + "#chatty: declares an Emitter but is not "
                + "@Tool(streaming = true)"), String.join("\n", OUTPUT));
    }

    @Test
    void resourceMethodWithParametersFailsTheDeployment() {
        assertTrue(logged("Invalid MCP feature method " + InvalidTools.class.getName()
                + "#resourceWithParameter: a resource method takes no parameters"), String.join("\n", OUTPUT));
    }

    @Test
    void theInvalidApplicationIsNotServed() {
        assertFalse(logged("tools registered"), "the registry must never be published");
        assertFalse(logged(deployed()), "the WAR must not be deployed");
    }
}
