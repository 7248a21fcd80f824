package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.skills.FoundFile;
import org.statelessmcp.skills.SkillAssembly;
import org.statelessmcp.skills.SkillCatalog;

class SkillsTest {

    private static final String MANIFEST = "---\nname: pdf\ndescription: Fills PDF forms.\n---\n# PDF\n";

    private final Skills skills = new Skills(SkillAssembly.assemble(List.of(
            file("pdf/SKILL.md", MANIFEST), file("pdf/references/FORMS.md", "# Forms\n"),
            file("zip/SKILL.md", "---\nname: zip\ndescription: Zips.\n---\n"))).catalog(), 1);

    private static FoundFile file(String path, String text) {
        return new FoundFile("WEB-INF/classes", path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject params(String json) {
        return JsonP.createReader(new java.io.StringReader(json)).readObject();
    }

    private static JsonObject result(PendingAnswer pending) {
        Outcome outcome = pending.outcome().join();
        assertTrue(outcome instanceof Outcome.Success, outcome.toString());
        return params(((Outcome.Success) outcome).json());
    }

    private static Outcome.Failure failure(PendingAnswer pending) {
        return (Outcome.Failure) pending.outcome().join();
    }

    @Test
    void anEntryCarriesUriFrontmatterAndEveryFilesDigestAndSize() {
        JsonObject page = result(skills.list(JsonValue.EMPTY_JSON_OBJECT));
        JsonObject entry = page.getJsonArray("skills").getJsonObject(0);
        assertEquals("skill://pdf/SKILL.md", entry.getString("uri"));
        assertEquals("{\"name\":\"pdf\",\"description\":\"Fills PDF forms.\"}", entry.getJsonObject("frontmatter")
                .toString());
        JsonObject own = entry.getJsonArray("resources").getJsonObject(0);
        assertEquals("skill://pdf/SKILL.md", own.getString("uri"));
        assertEquals(MANIFEST.length(), own.getInt("size"));
        assertEquals(SkillAssembly.digest(MANIFEST.getBytes(StandardCharsets.UTF_8)), own.getString("digest"));
        assertEquals(2, entry.getJsonArray("resources").size());
        // one skill a page here: the second follows the cursor
        JsonObject next = result(skills.list(params("{\"cursor\":\"" + page.getString("nextCursor") + "\"}")));
        assertEquals("skill://zip/SKILL.md", next.getJsonArray("skills").getJsonObject(0).getString("uri"));
        assertFalse(next.containsKey("nextCursor"));
    }

    @Test
    void getAnswersTheListedEntryAndRefusesAnUnknownUriAsInvalidParams() {
        JsonObject got = result(skills.get(params("{\"uri\":\"skill://pdf/SKILL.md\"}")));
        assertEquals(result(skills.list(JsonValue.EMPTY_JSON_OBJECT)).getJsonArray("skills").getJsonObject(0),
                got.getJsonObject("skill"));
        assertEquals(-32602, failure(skills.get(params("{\"uri\":\"skill://nope/SKILL.md\"}"))).error().code());
        assertEquals(-32602, failure(skills.get(JsonValue.EMPTY_JSON_OBJECT)).error().code());
    }

    @Test
    void aDirectoryListsFilesAndFoldersAndAFileIsNoDirectory() {
        JsonObject root = result(skills.directory(params("{\"uri\":\"skill://pdf\"}")));
        assertEquals("{\"uri\":\"skill://pdf/SKILL.md\",\"name\":\"SKILL.md\",\"mimeType\":\"text/markdown\",\"size\":"
                + MANIFEST.length() + "}", root.getJsonArray("resources").getJsonObject(0).toString());
        JsonObject folder = result(skills.directory(params("{\"uri\":\"skill://pdf\",\"cursor\":\""
                + root.getString("nextCursor") + "\"}"))).getJsonArray("resources").getJsonObject(0);
        assertEquals("{\"uri\":\"skill://pdf/references\",\"name\":\"references\",\"mimeType\":\"inode/directory\"}",
                folder.toString());
        assertEquals(-32602, failure(skills.directory(params("{\"uri\":\"skill://pdf/SKILL.md\"}"))).error().code());
        assertEquals(-32602, failure(skills.directory(params("{\"uri\":\"skill://other\"}"))).error().code());
    }

    @Test
    void resourcesListShowsEachSkillMdNamedAndDescribedByItsFrontmatter() {
        assertEquals("{\"uri\":\"skill://pdf/SKILL.md\",\"name\":\"pdf\",\"description\":\"Fills PDF forms.\","
                + "\"mimeType\":\"text/markdown\",\"size\":" + MANIFEST.length() + "}",
                skills.resources().get(0).toString());
        assertEquals(2, skills.resources().size(), "supporting files are not listed");
    }

    @Test
    void aSkillFileIsReadAsText() {
        String uri = "skill://pdf/references/FORMS.md";
        assertTrue(skills.serves(uri));
        assertEquals("{\"contents\":[{\"uri\":\"skill://pdf/references/FORMS.md\",\"mimeType\":\"text/markdown\","
                + "\"text\":\"# Forms\\n\"}]}", result(skills.read(uri)).toString());
        assertFalse(skills.serves("skill://pdf"), "a folder is not read");
    }

    @Test
    void theExtensionIsAdvertisedWithDirectoryReadOnlyWhenThereAreSkills() {
        var extensions = JsonP.createObjectBuilder();
        skills.advertise(extensions);
        assertEquals("{\"io.modelcontextprotocol/skills\":{\"directoryRead\":true}}", extensions.build().toString());
        var none = JsonP.createObjectBuilder();
        new Skills(SkillCatalog.EMPTY, 10).advertise(none);
        assertTrue(none.build().isEmpty());
    }

    @Test
    void withoutSkillsTheMethodsAreNotFound() {
        Skills empty = new Skills(SkillCatalog.EMPTY, 10);
        for (McpMethod method : List.of(McpMethod.SKILLS_LIST, McpMethod.SKILLS_GET,
                McpMethod.RESOURCES_DIRECTORY_READ)) {
            assertEquals(-32601, failure(empty.answer(method, JsonValue.EMPTY_JSON_OBJECT)).error().code(),
                    method.wireName());
        }
        assertEquals("skill://pdf/SKILL.md", result(skills.answer(McpMethod.SKILLS_GET,
                params("{\"uri\":\"skill://pdf/SKILL.md\"}"))).getJsonObject("skill").getString("uri"));
    }
}
