package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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
        WebArchive war = Deployments.productWar().addClass(InvalidTools.class);
        File file = new File(System.getProperty("smcp.it.tmpdir", "target"), "invalid-tools.war");
        war.as(ZipExporter.class).exportTo(file, true);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(javaExecutable(), "-Xmx384m", "-Dhazelcast.socket.bind.any=false",
                "-Djava.io.tmpdir=" + file.getParent(),
                "-jar", System.getProperty("payara.microJar"), "--deploy", file.getPath(), "--port",
                String.valueOf(port), "--nocluster", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("smcp.preboot"))
                .redirectErrorStream(true).start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            String line;
            while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                OUTPUT.add(line);
                if (line.contains("ready in") || line.contains("Payara Micro failed")) {
                    break;
                }
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @AfterAll
    static void forget() {
        OUTPUT.clear();
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
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
    void theInvalidApplicationIsNotServed() {
        assertFalse(logged("tools registered"), "the registry must never be published");
        assertFalse(logged("was successfully deployed"), "the WAR must not be deployed");
    }
}
