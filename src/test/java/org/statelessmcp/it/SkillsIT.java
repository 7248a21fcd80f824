package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MCP's skills extension (SEP-2640) on the wire, with skills in the WAR and in a jar of {@code WEB-INF/lib}: the
 * conformance suite's skills scenarios, each of which must pass whole, and what the suite does not check: that both
 * skills are found, the digests, the contents of every file, percent-encoded names, pages, and what a 2025 client
 * sees.
 */
class SkillsIT extends DeployedWarTest {

    private static final String REVIEW = "skill://acme/code-review/SKILL.md";
    private static final String PDF = "skill://pdf-processing/SKILL.md";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.examples.enabled", "false");
        return Deployments.withSettings(SkillsFixture.withSkills(Deployments.productWar()), settings);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sep-2640-skills-enumeration", "sep-2640-skills-manifest", "sep-2640-skills-directory"})
    void theConformanceSuitesSkillsScenarioPassesWhole(String scenario) throws Exception {
        NodeTools.Run run = NodeTools.run("conformance-" + scenario + ".txt", 300,
                "node_modules/conformance-next/dist/index.js", "server", "--url", url(), "--scenario", scenario,
                "-o", "target/conformance-" + scenario);
        System.out.println(run.output());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(", 0 failed, 0 warnings"), run.output());
    }

    private String url() {
        return client.uri("mcp").toString();
    }

    @Test
    void discoveryDeclaresTheExtensionWithDirectoryReadAndTheResourcesCapability() {
        JsonObject capabilities = kit.mcp2026().request("server/discover").assertStatus(200).result()
                .getJsonObject("capabilities");
        assertEquals("{\"directoryRead\":true}", capabilities.getJsonObject("extensions")
                .getJsonObject("io.modelcontextprotocol/skills").toString());
        assertTrue(capabilities.containsKey("resources"), capabilities.toString());
    }

    @Test
    void bothSkillsAreListedWithTheirFrontmatterVerbatimAndEveryFileMeasured() throws Exception {
        JsonArray skills = kit.mcp2026().request("skills/list").assertStatus(200).result().getJsonArray("skills");
        assertEquals(List.of(REVIEW, PDF), skills.stream().map(skill -> skill.asJsonObject().getString("uri"))
                .toList());
        JsonObject review = skills.getJsonObject(0);
        assertEquals("{\"name\":\"code-review\",\"description\":\"Reviews a change against the team's checklist.\","
                + "\"license\":\"Apache-2.0\",\"metadata\":{\"author\":\"acme\",\"version\":\"1.2\"}}",
                review.getJsonObject("frontmatter").toString());
        assertEquals("[{\"uri\":\"" + REVIEW + "\",\"digest\":\"" + digest(SkillsFixture.utf8(SkillsFixture.REVIEW))
                + "\",\"size\":" + SkillsFixture.utf8(SkillsFixture.REVIEW).length + "},{\"uri\":"
                + "\"skill://acme/code-review/references/CHECKLIST.md\",\"digest\":\""
                + digest(SkillsFixture.utf8(SkillsFixture.CHECKLIST)) + "\",\"size\":"
                + SkillsFixture.CHECKLIST.length() + "}]", review.getJsonArray("resources").toString());
        assertEquals(List.of(PDF, "skill://pdf-processing/assets/logo.png",
                "skill://pdf-processing/references/FORMS.md", "skill://pdf-processing/templates/Order%20form.txt"),
                skills.getJsonObject(1).getJsonArray("resources").stream()
                        .map(file -> file.asJsonObject().getString("uri")).toList());
    }

    @Test
    void everyListedFileReadsBackAsTheBytesItsDigestCovers() throws Exception {
        for (var skill : kit.mcp2026().request("skills/list").result().getJsonArray("skills")) {
            for (var listed : skill.asJsonObject().getJsonArray("resources")) {
                JsonObject file = listed.asJsonObject();
                JsonObject read = kit.mcp2026().request("resources/read", "{\"uri\":\"" + file.getString("uri")
                        + "\"}").assertStatus(200).result();
                JsonObject contents = read.getJsonArray("contents").getJsonObject(0);
                byte[] bytes = contents.containsKey("text") ? SkillsFixture.utf8(contents.getString("text"))
                        : Base64.getDecoder().decode(contents.getString("blob"));
                assertEquals(file.getString("digest"), digest(bytes), file.toString());
                assertEquals(file.getInt("size"), bytes.length, file.toString());
            }
        }
    }

    @Test
    void aBinaryFileIsABlobAndAnEncodedNameReadsBack() {
        JsonObject logo = kit.mcp2026().request("resources/read",
                "{\"uri\":\"skill://pdf-processing/assets/logo.png\"}").assertStatus(200).result()
                .getJsonArray("contents").getJsonObject(0);
        assertEquals("image/png", logo.getString("mimeType"));
        assertArrayEquals(SkillsFixture.LOGO, Base64.getDecoder().decode(logo.getString("blob")));
        JsonObject form = kit.mcp2026().request("resources/read",
                "{\"uri\":\"skill://pdf-processing/templates/Order%20form.txt\"}").assertStatus(200).result()
                .getJsonArray("contents").getJsonObject(0);
        assertEquals(SkillsFixture.ORDER_FORM, form.getString("text"));
        assertEquals("text/plain", form.getString("mimeType"));
    }

    @Test
    void skillAnswersAreCacheableByEveryone() {
        for (String[] request : new String[][] {{"skills/list", "{}"}, {"skills/get", "{\"uri\":\"" + PDF + "\"}"},
                {"resources/directory/read", "{\"uri\":\"skill://pdf-processing\"}"}, {"resources/read", "{\"uri\":\""
                        + PDF + "\"}"}}) {
            JsonObject result = kit.mcp2026().request(request[0], request[1]).assertStatus(200).result();
            assertEquals("public", result.getString("cacheScope"), request[0]);
            assertEquals("complete", result.getString("resultType"), request[0]);
        }
    }

    @Test
    void aDirectoryListsItsFilesAndFoldersAndAnythingElseIsInvalidParams() {
        JsonArray children = kit.mcp2026().request("resources/directory/read", "{\"uri\":\"skill://pdf-processing\"}")
                .assertStatus(200).result().getJsonArray("resources");
        assertEquals("[{\"uri\":\"skill://pdf-processing/SKILL.md\",\"name\":\"SKILL.md\",\"mimeType\":"
                + "\"text/markdown\",\"size\":" + SkillsFixture.PDF.length() + "},{\"uri\":"
                + "\"skill://pdf-processing/assets\",\"name\":\"assets\",\"mimeType\":\"inode/directory\"},{\"uri\":"
                + "\"skill://pdf-processing/references\",\"name\":\"references\",\"mimeType\":\"inode/directory\"},"
                + "{\"uri\":\"skill://pdf-processing/templates\",\"name\":\"templates\",\"mimeType\":"
                + "\"inode/directory\"}]", children.toString());
        JsonArray templates = kit.mcp2026().request("resources/directory/read",
                "{\"uri\":\"skill://pdf-processing/templates\"}").assertStatus(200).result().getJsonArray("resources");
        assertEquals("Order form.txt", templates.getJsonObject(0).getString("name"));
        for (String uri : List.of(PDF, "skill://acme", "skill://nothing-here")) {
            assertEquals(-32602, kit.mcp2026().request("resources/directory/read", "{\"uri\":\"" + uri + "\"}")
                    .error().getInt("code"), uri);
        }
        assertEquals(-32602, kit.mcp2026().request("skills/get", "{\"uri\":\"skill://acme/SKILL.md\"}").error()
                .getInt("code"));
    }

    @Test
    void aClientOf2025ReadsSkillsAsResourcesButHasNoSkillsMethods() {
        JsonObject initialized = kit.mcp2025().request("initialize", "{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}").assertStatus(200).result();
        assertTrue(initialized.getJsonObject("capabilities").containsKey("resources"), initialized.toString());
        assertFalse(initialized.getJsonObject("capabilities").containsKey("extensions"), initialized.toString());
        JsonArray resources = kit.mcp2025().request("resources/list").assertStatus(200).result()
                .getJsonArray("resources");
        assertEquals("{\"uri\":\"" + PDF + "\",\"name\":\"pdf-processing\",\"description\":\"Extract, fill, and"
                + " assemble PDF documents\",\"mimeType\":\"text/markdown\",\"size\":" + SkillsFixture.PDF.length()
                + "}", resources.getJsonObject(1).toString());
        JsonObject forms = kit.mcp2025().request("resources/read",
                "{\"uri\":\"skill://pdf-processing/references/FORMS.md\"}").assertStatus(200).result()
                .getJsonArray("contents").getJsonObject(0);
        assertEquals(SkillsFixture.FORMS, forms.getString("text"));
        assertEquals(-32601, kit.mcp2025().request("skills/list").error().getInt("code"));
    }

    private static String digest(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
