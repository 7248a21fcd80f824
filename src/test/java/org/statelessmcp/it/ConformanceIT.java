package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceFeatures;
import org.statelessmcp.it.conformance.ConformanceTools;
import org.statelessmcp.it.conformance.HeaderTools;
import org.statelessmcp.it.conformance.RoundTripTools;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}) against the deployed WAR. Its
 * report is printed into the build output and saved under {@code target/conformance}.
 */
class ConformanceIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClasses(ConformanceTools.class, ConformanceFeatures.class,
                RoundTripTools.class, HeaderTools.class);
    }

    @Test
    void serverScenariosOf2025RevisionsPassOrAreListedExpectedFailures() throws Exception {
        NodeTools.Run run = NodeTools.run("conformance-0.1.txt", 600,
                "node_modules/@modelcontextprotocol/conformance/dist/index.js", "server", "--url", url(),
                "--expected-failures", NodeTools.HOME.resolve("expected-failures-0.1.yml").toString(),
                "-o", "target/conformance");
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), "the conformance suite failed: see target/conformance");
        assertTrue(run.output().contains("Baseline check passed"), run.output());
    }

    @Test
    void serverRequirementsOfTheStatelessRevisionPassOrAreListedExpectedFailures() throws Exception {
        NodeTools.Run run = NodeTools.run("conformance-2026-07-28.txt", 600,
                "node_modules/conformance-next/dist/index.js", "server", "--url", url(),
                "--requirements", "2026-07-28",
                "--expected-failures", NodeTools.HOME.resolve("expected-failures-2026-07-28.yml").toString(),
                "-o", "target/conformance-2026-07-28");
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), "the conformance suite failed: see target/conformance-2026-07-28");
        assertTrue(run.output().contains("Baseline check passed"), run.output());
    }

    /**
     * Not scored for 2026-07-28, so the run above cannot fail on it: run alone, every check of it must pass
     * ({@code x-mcp-header} arguments mirrored as {@code Mcp-Param-*} headers, Base64 forms, a missing header).
     */
    @Test
    void customHeaderScenarioOfTheStatelessRevisionPasses() throws Exception {
        NodeTools.Run run = NodeTools.run("conformance-custom-header.txt", 300,
                "node_modules/conformance-next/dist/index.js", "server", "--url", url(),
                "--scenario", "http-custom-header-server-validation", "-o", "target/conformance-custom-header");
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(", 0 failed, 0 warnings"), run.output());
    }

    /** The suite's DNS-rebinding scenario needs a loopback host name in the URL. */
    private String url() {
        return "http://127.0.0.1:" + base.getPort() + client.uri("mcp").getPath();
    }
}
