package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invalid skills fail the deployment, every problem named at once, as invalid tools do
 * ({@link DeploymentValidationIT}): the WAR is started in a real server of the kind under test and the server's own
 * output is read.
 */
class InvalidSkillsIT {

    private static final List<String> OUTPUT = new ArrayList<>();

    @BeforeAll
    static void deployInvalidSkills() throws Exception {
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, "bad-skills.jar")
                .addAsResource(new StringAsset("---\nname: wrong-name\ndescription: Again.\n---\n"),
                        "META-INF/skills/wrong-name/SKILL.md")
                .addAsResource(new StringAsset("lost"), "META-INF/skills/stray.txt");
        WebArchive war = Deployments.productWar().addAsLibrary(jar)
                .addAsResource(new StringAsset("---\nname: other-name\ndescription: Misnamed.\n---\n"),
                        "META-INF/skills/wrong-name/SKILL.md")
                .addAsResource(new StringAsset("---\nname: no-description\n---\n"),
                        "META-INF/skills/no-description/SKILL.md");
        try (ClusterMember server = switch (TargetServer.current()) {
            case PAYARA_MICRO -> PayaraMicroProcess.start(war, "invalid-skills");
            case WILDFLY -> WildFlyProcess.startOne(war, "invalid-skills", 810, Map.of());
            case LIBERTY -> LibertyProcess.startOne(war, "invalid-skills", Map.of());
            case PAYARA_SERVER -> PayaraServerCluster.deployToDas(war, "invalid-skills");
        }) {
            OUTPUT.addAll(server.output());
        }
    }

    @AfterAll
    static void forget() {
        OUTPUT.clear();
    }

    private static void assertLogged(String text) {
        // Open Liberty logs JSON, whose strings may escape '/' as '\/'
        assertTrue(OUTPUT.stream().anyMatch(line -> line.replace("\\/", "/").contains(text)),
                text + "\n" + String.join("\n", OUTPUT));
    }

    @Test
    void everyProblemIsNamedWithItsFileAndSource() {
        assertLogged("4 invalid skill definition(s)");
        assertLogged("Duplicate skill 'wrong-name': in WEB-INF/classes and in WEB-INF/lib/bad-skills.jar");
        assertLogged("Invalid skill META-INF/skills/wrong-name/SKILL.md in WEB-INF/classes: frontmatter name"
                + " 'other-name' differs from the folder name 'wrong-name', which it must equal");
        assertLogged("Invalid skill META-INF/skills/no-description/SKILL.md in WEB-INF/classes: frontmatter has no"
                + " description");
        assertLogged("META-INF/skills/stray.txt in WEB-INF/lib/bad-skills.jar lies in no skill");
    }

    /**
     * The skills are read when the web module starts, after CDI has validated the beans: Payara has by then logged
     * "was successfully deployed", and then fails to load the application, which it does not serve.
     */
    @Test
    void theInvalidApplicationIsNotServed() {
        if (TargetServer.current() == TargetServer.PAYARA_MICRO
                || TargetServer.current() == TargetServer.PAYARA_SERVER) {
            assertLogged("Exception while loading the app");
            assertFalse(OUTPUT.stream().anyMatch(line -> line.contains("/invalid-skills")
                    && line.contains("http://")), String.join("\n", OUTPUT));
            return;
        }
        assertFalse(OUTPUT.stream().anyMatch(line -> line.contains(switch (TargetServer.current()) {
            case PAYARA_MICRO, PAYARA_SERVER -> "was successfully deployed";
            case WILDFLY -> "WFLYUT0021: Registered web context";
            case LIBERTY -> "CWWKZ0001I";
        })), String.join("\n", OUTPUT));
    }
}
