package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.conformance.ConformanceFeatures;
import org.statelessmcp.it.conformance.ConformanceTools;
import org.statelessmcp.it.conformance.Forms;
import org.statelessmcp.it.conformance.Greeting;
import org.statelessmcp.it.conformance.HeaderTools;
import org.statelessmcp.it.conformance.RoundTripTools;
import org.statelessmcp.it.conformance.SchemaTools;
import org.statelessmcp.it.conformance.TaskTools;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}) against the deployed WAR. Its
 * report is printed into the build output and saved under {@code target/conformance}.
 */
class ConformanceIT extends DeployedWarTest {

    /**
     * Every fixture the suites call (tools, prompts, resources, skills, a hand-written schema); without the example
     * tools, whose {@code greet} is not the suite's.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.examples.enabled", "false");
        WebArchive war = SkillsFixture.withSkills(Deployments.productWar()).addClasses(ConformanceTools.class,
                ConformanceFeatures.class, RoundTripTools.class, HeaderTools.class, TaskTools.class, Greeting.class,
                Forms.class, SchemaTools.class).addAsResource("org/statelessmcp/it/conformance/contact.schema.json");
        return Deployments.withSettings(war, settings);
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
     * The newest suite, all of it: every server scenario of every revision and every extension scenario (tasks,
     * skills), not only what 2026-07-28 requires. What cannot pass is listed, with its reason, in
     * {@code expected-failures-all.yml}.
     */
    @Test
    void everyServerAndExtensionScenarioOfTheNewestSuitePassesOrIsListedExpectedFailures() throws Exception {
        NodeTools.Run run = NodeTools.run("conformance-all.txt", 900,
                "node_modules/conformance-next/dist/index.js", "server", "--url", url(), "--suite", "all",
                "--expected-failures", NodeTools.HOME.resolve("expected-failures-all.yml").toString(),
                "-o", "target/conformance-all");
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), "the conformance suite failed: see target/conformance-all");
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
