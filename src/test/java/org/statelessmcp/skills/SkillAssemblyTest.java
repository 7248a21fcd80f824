package org.statelessmcp.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkillAssemblyTest {

    private static final String CLASSES = "WEB-INF/classes";

    private static FoundFile file(String source, String path, String text) {
        return new FoundFile(source, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static FoundFile manifest(String source, String folder, String name) {
        return file(source, folder + "/SKILL.md", "---\nname: " + name + "\ndescription: Does " + name
                + ".\n---\n# " + name + "\n");
    }

    private static SkillAssembly.Result assemble(FoundFile... files) {
        return SkillAssembly.assemble(List.of(files));
    }

    @Test
    void aSkillListsEveryFileWithItsDigestAndSizeSkillMdFirst() {
        SkillAssembly.Result result = assemble(file(CLASSES, "pdf/scripts/fill.py", "print(1)\n"),
                manifest(CLASSES, "pdf", "pdf"), file(CLASSES, "pdf/references/Order form.md", "# Forms\n"));
        assertEquals(List.of(), result.problems());
        Skill skill = result.catalog().skill("skill://pdf/SKILL.md");
        assertEquals("pdf", skill.name());
        assertEquals("skill://pdf", skill.directoryUri());
        assertEquals(List.of("skill://pdf/SKILL.md", "skill://pdf/references/Order%20form.md",
                "skill://pdf/scripts/fill.py"), skill.files().stream().map(SkillFile::uri).toList());
        SkillFile script = skill.files().get(2);
        assertEquals(9, script.size());
        assertEquals("text/x-python", script.mimeType());
        assertTrue(script.digest().matches("sha256:[0-9a-f]{64}"), script.digest());
        assertEquals(SkillAssembly.digest("print(1)\n".getBytes(StandardCharsets.UTF_8)), script.digest());
        assertEquals("text/markdown", skill.files().get(0).mimeType());
    }

    @Test
    void theDigestIsSha256InLowercaseHex() {
        assertEquals("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SkillAssembly.digest(new byte[0]));
    }

    @Test
    void foldersListTheirDirectChildrenAndSubfoldersAsDirectories() {
        SkillCatalog catalog = assemble(manifest(CLASSES, "acme/pdf", "pdf"),
                file(CLASSES, "acme/pdf/references/forms/a.md", "a"), file(CLASSES, "acme/pdf/notes.txt", "n"))
                        .catalog();
        List<SkillCatalog.Child> root = catalog.directory("skill://acme/pdf");
        assertEquals(List.of("skill://acme/pdf/SKILL.md", "skill://acme/pdf/notes.txt",
                "skill://acme/pdf/references"), root.stream().map(SkillCatalog.Child::uri).toList());
        assertNull(root.get(2).file(), "a folder");
        assertEquals("references", root.get(2).name());
        assertEquals(List.of("skill://acme/pdf/references/forms"), catalog.directory("skill://acme/pdf/references")
                .stream().map(SkillCatalog.Child::uri).toList());
        assertNull(catalog.directory("skill://acme/pdf/SKILL.md"), "a file is no directory");
        assertNull(catalog.directory("skill://acme"), "above the skill is no skill directory");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        List<String> problems = assemble(
                file(CLASSES, "wrong/SKILL.md", "---\nname: right\ndescription: d\n---\n"),
                file(CLASSES, "nodesc/SKILL.md", "---\nname: nodesc\n---\n"),
                file(CLASSES, "plain/SKILL.md", "# no frontmatter\n"),
                file(CLASSES, "Bad_Name/SKILL.md", "---\nname: Bad_Name\ndescription: d\n---\n"),
                file(CLASSES, "stray/readme.txt", "lost"),
                file(CLASSES, "meta/SKILL.md",
                        "---\nname: meta\ndescription: d\nmetadata:\n  io.modelcontextprotocol/x: y\n---\n"))
                                .problems();
        assertEquals(6, problems.size(), String.join("\n", problems));
        assertTrue(problems.contains("Invalid skill META-INF/skills/wrong/SKILL.md in WEB-INF/classes: frontmatter"
                + " name 'right' differs from the folder name 'wrong', which it must equal"), problems.toString());
        assertTrue(problems.contains("Invalid skill META-INF/skills/nodesc/SKILL.md in WEB-INF/classes: frontmatter"
                + " has no description"), problems.toString());
        assertTrue(problems.contains("Invalid skill META-INF/skills/plain/SKILL.md in WEB-INF/classes: does not"
                + " begin with YAML frontmatter between two '---' lines"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Bad_Name/SKILL.md") && p.contains("not a skill name")),
                problems.toString());
        assertTrue(problems.contains("META-INF/skills/stray/readme.txt in WEB-INF/classes lies in no skill: no"
                + " SKILL.md in its folder or above it"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("metadata key 'io.modelcontextprotocol/x'")),
                problems.toString());
    }

    @Test
    void aSkillPathServedTwiceIsRefusedNamingBothSources() {
        List<String> problems = assemble(manifest(CLASSES, "pdf", "pdf"),
                manifest("WEB-INF/lib/tools.jar", "pdf", "pdf")).problems();
        assertEquals(List.of("Duplicate skill 'pdf': in WEB-INF/classes and in WEB-INF/lib/tools.jar"), problems);
    }

    @Test
    void aSkillInsideAnotherIsRefused() {
        List<String> problems = assemble(manifest(CLASSES, "outer", "outer"),
                manifest(CLASSES, "outer/inner", "inner")).problems();
        assertEquals(List.of("Invalid skill META-INF/skills/outer/inner/SKILL.md in WEB-INF/classes: a skill may"
                + " not lie inside skill 'outer'"), problems);
    }

    @Test
    void aSkillOverTheLimitsIsRefused() {
        List<FoundFile> files = new ArrayList<>();
        files.add(manifest(CLASSES, "many", "many"));
        for (int i = 0; i < SkillAssembly.MAX_FILES; i++) {
            files.add(file(CLASSES, "many/f" + i + ".txt", "x"));
        }
        files.add(manifest(CLASSES, "big", "big"));
        files.add(new FoundFile(CLASSES, "big/blob.bin", new byte[SkillAssembly.MAX_BYTES]));
        List<String> problems = SkillAssembly.assemble(files).problems();
        assertEquals(List.of(
                "Invalid skill META-INF/skills/big/SKILL.md in WEB-INF/classes: its files hold more than 16777216"
                        + " bytes (16 MiB), the most a skill may",
                "Invalid skill META-INF/skills/many/SKILL.md in WEB-INF/classes: 513 files, more than the 512 a skill"
                        + " may have"),
                problems);
    }

    @Test
    void aFileOfAnotherSourceCannotJoinASkill() {
        List<String> problems = assemble(manifest(CLASSES, "pdf", "pdf"),
                file("WEB-INF/lib/x.jar", "pdf/extra.md", "x")).problems();
        assertEquals(List.of("META-INF/skills/pdf/extra.md in WEB-INF/lib/x.jar lies in skill 'pdf' of"
                + " WEB-INF/classes: a skill's files come with its SKILL.md"), problems);
    }

    @Test
    void textIsServedAsTextAndOtherBytesAsBlobs() {
        SkillCatalog catalog = assemble(manifest(CLASSES, "pdf", "pdf"),
                new FoundFile(CLASSES, "pdf/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new FoundFile(CLASSES, "pdf/latin1.txt", new byte[] {(byte) 0xE9})).catalog();
        assertNull(catalog.file("skill://pdf/logo.png").text());
        assertNull(catalog.file("skill://pdf/latin1.txt").text(), "not UTF-8: a blob keeps the bytes");
        assertTrue(catalog.file("skill://pdf/SKILL.md").text().startsWith("---\nname: pdf"));
    }
}
