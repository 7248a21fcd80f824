package org.statelessmcp.skills;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The skills of a deployment, immutable once built: each skill by the URI of its {@code SKILL.md}, each file by its
 * URI, and each folder of a skill with its direct children, for {@code resources/directory/read}.
 */
public final class SkillCatalog {

    public static final String SKILL_MD = "SKILL.md";
    public static final String SCHEME = "skill://";
    /** The media type of a folder in a directory listing. */
    public static final String DIRECTORY_TYPE = "inode/directory";
    public static final SkillCatalog EMPTY = new SkillCatalog(List.of());

    /**
     * A direct child of a folder.
     *
     * @param uri its URI
     * @param name its last path segment
     * @param file the file, or {@code null} for a folder
     */
    public record Child(String uri, String name, SkillFile file) {
    }

    private final List<Skill> skills;
    private final Map<String, Skill> byUri;
    private final Map<String, SkillFile> files;
    private final Map<String, List<Child>> directories;

    /** @param skills the skills, in any order: they are kept by URI, so every instance lists them alike */
    public SkillCatalog(List<Skill> skills) {
        Map<String, Skill> sorted = new TreeMap<>();
        Map<String, SkillFile> allFiles = new LinkedHashMap<>();
        Map<String, Map<String, Child>> folders = new TreeMap<>();
        for (Skill skill : skills) {
            sorted.put(skill.uri(), skill);
        }
        for (Skill skill : sorted.values()) {
            String root = skill.directoryUri();
            folders.computeIfAbsent(root, uri -> new TreeMap<>());
            for (SkillFile file : skill.files()) {
                allFiles.put(file.uri(), file);
                // every folder on the way from the skill's root to the file lists the next step down
                String parent = root;
                String[] segments = file.path().split("/");
                for (int i = 0; i < segments.length; i++) {
                    String uri = parent + '/' + Uris.encode(segments[i]);
                    boolean last = i == segments.length - 1;
                    folders.computeIfAbsent(parent, p -> new TreeMap<>()).putIfAbsent(uri,
                            new Child(uri, segments[i], last ? file : null));
                    parent = uri;
                }
            }
        }
        Map<String, List<Child>> listed = new LinkedHashMap<>();
        folders.forEach((uri, children) -> listed.put(uri, List.copyOf(children.values())));
        this.skills = List.copyOf(sorted.values());
        this.byUri = Collections.unmodifiableMap(sorted);
        this.files = Collections.unmodifiableMap(allFiles);
        this.directories = Collections.unmodifiableMap(listed);
    }

    /** Every skill, by URI. */
    public List<Skill> skills() {
        return skills;
    }

    public boolean isEmpty() {
        return skills.isEmpty();
    }

    /** The skill whose {@code SKILL.md} has this URI, or {@code null}. */
    public Skill skill(String uri) {
        return byUri.get(uri);
    }

    /** The skill file with this URI, or {@code null}. */
    public SkillFile file(String uri) {
        return files.get(uri);
    }

    /** The direct children of the skill folder with this URI, or {@code null} if it names no skill folder. */
    public List<Child> directory(String uri) {
        return directories.get(uri);
    }

    /** Every skill folder's URI, the skills' roots among them. */
    public List<String> directoryUris() {
        return new ArrayList<>(directories.keySet());
    }
}
