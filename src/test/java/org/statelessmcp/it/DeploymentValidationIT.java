package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.invalid.InvalidTools;

/**
 * Invalid tool methods fail the deployment, every problem named at once: the WAR is started in a real Payara
 * Micro and the server's own output is read.
 */
class DeploymentValidationIT {

    private static final List<String> OUTPUT = new ArrayList<>();

    @BeforeAll
    static void deployInvalidTools() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start(
                Deployments.productWar().addClass(InvalidTools.class), "invalid-tools")) {
            OUTPUT.addAll(server.output());
        }
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
        assertFalse(logged("was successfully deployed"), "the WAR must not be deployed");
    }
}
