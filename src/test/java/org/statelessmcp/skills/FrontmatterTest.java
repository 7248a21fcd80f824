package org.statelessmcp.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class FrontmatterTest {

    @Test
    void theBlockIsReadAsJsonWithYamlCoreSchemaTypes() throws Exception {
        JsonObject frontmatter = Frontmatter.parse("""
                ---
                name: pdf-processing
                description: >
                  Extract text,
                  fill forms.
                version: 1.5
                released: 2026-01-01
                answer: yes
                count: 3
                tags: [pdf, forms]
                metadata:
                  author: acme
                  reviewed: true
                  none: ~
                ---
                # Body
                ---
                """);
        assertEquals("{\"name\":\"pdf-processing\",\"description\":\"Extract text, fill forms.\\n\",\"version\":1.5,"
                + "\"released\":\"2026-01-01\",\"answer\":\"yes\",\"count\":3,\"tags\":[\"pdf\",\"forms\"],"
                + "\"metadata\":{\"author\":\"acme\",\"reviewed\":true,\"none\":null}}", frontmatter.toString());
    }

    @Test
    void aByteOrderMarkAndCrLfLinesAreAccepted() throws Exception {
        JsonObject frontmatter = Frontmatter.parse("\uFEFF---\r\nname: a\r\ndescription: b\r\n---\r\nbody");
        assertEquals("a", frontmatter.getString("name"));
    }

    @Test
    void aFileWithoutFrontmatterIsRefused() {
        var refused = assertThrows(Frontmatter.InvalidFrontmatterException.class,
                () -> Frontmatter.parse("# Just a title\n"));
        assertTrue(refused.getMessage().contains("does not begin with YAML frontmatter"), refused.getMessage());
    }

    @Test
    void frontmatterThatIsNotAMappingIsRefused() {
        var refused = assertThrows(Frontmatter.InvalidFrontmatterException.class,
                () -> Frontmatter.parse("---\n- a\n- b\n---\n"));
        assertEquals("frontmatter must be a YAML mapping", refused.getMessage());
    }

    @Test
    void invalidYamlAndDuplicateKeysAreRefused() {
        var invalid = assertThrows(Frontmatter.InvalidFrontmatterException.class,
                () -> Frontmatter.parse("---\nname: [unclosed\n---\n"));
        assertTrue(invalid.getMessage().startsWith("frontmatter is not valid YAML"), invalid.getMessage());
        var twice = assertThrows(Frontmatter.InvalidFrontmatterException.class,
                () -> Frontmatter.parse("---\nname: a\nname: b\n---\n"));
        assertTrue(twice.getMessage().startsWith("frontmatter is not valid YAML"), twice.getMessage());
    }

    @Test
    void valuesJsonCannotCarryAreRefused() {
        var refused = assertThrows(Frontmatter.InvalidFrontmatterException.class,
                () -> Frontmatter.parse("---\nname: a\nratio: .nan\n---\n"));
        assertEquals("frontmatter.ratio is NaN, which JSON cannot carry", refused.getMessage());
    }
}
