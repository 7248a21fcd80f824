package org.statelessmcp.skills;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A validated skill.
 *
 * @param path its skill path, the folder below {@code META-INF/skills/}, e.g. {@code pdf-processing}
 * @param uri the URI of its {@code SKILL.md}, e.g. {@code skill://pdf-processing/SKILL.md}
 * @param frontmatter the YAML frontmatter of its {@code SKILL.md} as JSON, verbatim
 * @param files every file of the skill, {@code SKILL.md} first, the others by path
 * @param source where it was found
 */
public record Skill(String path, String uri, JsonObject frontmatter, List<SkillFile> files, String source) {

    public Skill {
        files = List.copyOf(files);
    }

    /** The URI of the skill's folder: its {@code SKILL.md} URI without {@code /SKILL.md}. */
    public String directoryUri() {
        return uri.substring(0, uri.length() - SkillCatalog.SKILL_MD.length() - 1);
    }

    public String name() {
        return frontmatter.getString("name");
    }

    public String description() {
        return frontmatter.getString("description");
    }
}
