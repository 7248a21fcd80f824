package org.statelessmcp.skills;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Makes the files found under {@code META-INF/skills/} into skills, or names every reason it cannot: a skill's
 * folder holds a {@code SKILL.md} whose frontmatter has a {@code name} equal to the folder's name and a
 * {@code description}; its files stay within the limits SEP-2640 sets; no two skills share a path and none lies
 * inside another.
 */
public final class SkillAssembly {

    /** The most files a skill may have, its {@code SKILL.md} included. */
    public static final int MAX_FILES = 512;
    /** The most bytes a skill's files may hold together: 16 MiB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The longest description the Agent Skills specification allows. */
    public static final int MAX_DESCRIPTION = 1024;
    /** The Agent Skills naming rules: 1-64 of a-z, 0-9 and single inner hyphens. */
    private static final Pattern NAME = Pattern.compile("(?!.*--)[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    /** A folder above the skill's own: like a host name, so that a first one is a valid URI authority. */
    private static final Pattern FOLDER = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final String RESERVED_METADATA = "io.modelcontextprotocol/";

    /**
     * What was made of the files.
     *
     * @param catalog the valid skills
     * @param problems every reason a file or skill cannot be served; the deployment fails unless it is empty
     */
    public record Result(SkillCatalog catalog, List<String> problems) {
    }

    private SkillAssembly() {
    }

    public static Result assemble(List<FoundFile> found) {
        List<String> problems = new ArrayList<>();
        Map<String, FoundFile> manifests = new TreeMap<>();
        Set<String> duplicated = new HashSet<>();
        for (FoundFile file : found) {
            if (!file.path().equals(SkillCatalog.SKILL_MD) && !file.path().endsWith("/" + SkillCatalog.SKILL_MD)) {
                continue;
            }
            String folder = parent(file.path());
            FoundFile earlier = manifests.putIfAbsent(folder, file);
            if (earlier != null) {
                problems.add("Duplicate skill '" + folder + "': in " + earlier.source() + " and in " + file.source());
                duplicated.add(folder);
            }
        }
        Map<String, List<FoundFile>> filesBySkill = new TreeMap<>();
        manifests.keySet().forEach(folder -> filesBySkill.put(folder, new ArrayList<>()));
        for (FoundFile file : found) {
            String owner = owner(file.path(), manifests);
            if (owner == null) {
                problems.add("META-INF/skills/" + file.path() + " in " + file.source()
                        + " lies in no skill: no SKILL.md in its folder or above it");
            } else if (!manifests.get(owner).source().equals(file.source())) {
                if (duplicated.contains(owner)) {
                    continue; // the duplicate is the problem, reported once
                }
                problems.add("META-INF/skills/" + file.path() + " in " + file.source() + " lies in skill '" + owner
                        + "' of " + manifests.get(owner).source() + ": a skill's files come with its SKILL.md");
            } else if (!owner.isEmpty() && owner(owner, manifests) != null) {
                // reported once, with the skill's SKILL.md
                if (file == manifests.get(owner)) {
                    problems.add(where(file) + ": a skill may not lie inside skill '" + owner(owner, manifests)
                            + "'");
                }
            } else {
                filesBySkill.get(owner).add(file);
            }
        }
        List<Skill> skills = new ArrayList<>();
        filesBySkill.forEach((folder, files) -> {
            if (!files.isEmpty()) {
                Skill skill = skill(folder, manifests.get(folder), files, problems);
                if (skill != null) {
                    skills.add(skill);
                }
            }
        });
        return new Result(new SkillCatalog(skills), List.copyOf(problems));
    }

    private static Skill skill(String folder, FoundFile manifest, List<FoundFile> files, List<String> problems) {
        int before = problems.size();
        String at = where(manifest);
        if (folder.isEmpty()) {
            problems.add(at + ": SKILL.md must be in a folder of its own, named as the skill");
            return null;
        }
        String[] segments = folder.split("/");
        String name = segments[segments.length - 1];
        for (int i = 0; i < segments.length - 1; i++) {
            if (!FOLDER.matcher(segments[i]).matches()) {
                problems.add(at + ": folder '" + segments[i] + "' of the skill path may hold only a-z, 0-9, '.' and"
                        + " '-', and must begin and end with a letter or digit");
            }
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(at + ": the folder name '" + name + "' is not a skill name: 1-64 of a-z, 0-9 and '-',"
                    + " with no '-' first, last or twice in a row");
        }
        JsonObject frontmatter = frontmatter(manifest, at, name, problems);
        if (files.size() > MAX_FILES) {
            problems.add(at + ": " + files.size() + " files, more than the " + MAX_FILES + " a skill may have");
        }
        long total = files.stream().mapToLong(file -> file.bytes().length).sum();
        if (total > MAX_BYTES) {
            problems.add(at + ": its files hold more than " + MAX_BYTES + " bytes (16 MiB), the most a skill may");
        }
        if (problems.size() > before || frontmatter == null) {
            return null;
        }
        String root = SkillCatalog.SCHEME + String.join("/", segments);
        List<SkillFile> measured = new ArrayList<>();
        measured.add(measure(root, SkillCatalog.SKILL_MD, manifest.bytes()));
        files.stream().filter(file -> file != manifest)
                .map(file -> measure(root, file.path().substring(folder.length() + 1), file.bytes()))
                .sorted((a, b) -> a.path().compareTo(b.path())).forEach(measured::add);
        return new Skill(folder, root + '/' + SkillCatalog.SKILL_MD, frontmatter, measured, manifest.source());
    }

    private static JsonObject frontmatter(FoundFile manifest, String at, String folderName, List<String> problems) {
        JsonObject frontmatter;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(manifest.bytes())).toString();
            frontmatter = Frontmatter.parse(text);
        } catch (CharacterCodingException notUtf8) {
            problems.add(at + ": SKILL.md is not UTF-8");
            return null;
        } catch (Frontmatter.InvalidFrontmatterException invalid) {
            problems.add(at + ": " + invalid.getMessage());
            return null;
        }
        int before = problems.size();
        if (!(frontmatter.get("name") instanceof JsonString name)) {
            problems.add(at + ": frontmatter has no name");
        } else if (!name.getString().equals(folderName)) {
            problems.add(at + ": frontmatter name '" + name.getString() + "' differs from the folder name '"
                    + folderName + "', which it must equal");
        }
        if (!(frontmatter.get("description") instanceof JsonString description) || description.getString().isBlank()) {
            problems.add(at + ": frontmatter has no description");
        } else if (description.getString().length() > MAX_DESCRIPTION) {
            problems.add(at + ": description has " + description.getString().length() + " characters, more than "
                    + MAX_DESCRIPTION);
        }
        JsonValue metadata = frontmatter.get("metadata");
        if (metadata instanceof JsonObject entries) {
            entries.keySet().stream().filter(key -> key.startsWith(RESERVED_METADATA)).forEach(key -> problems.add(
                    at + ": metadata key '" + key + "' uses the prefix MCP reserves for its extensions"));
        } else if (metadata != null) {
            problems.add(at + ": metadata must be a mapping");
        }
        return problems.size() > before ? null : frontmatter;
    }

    private static SkillFile measure(String root, String path, byte[] bytes) {
        StringBuilder uri = new StringBuilder(root);
        for (String segment : path.split("/")) {
            uri.append('/').append(Uris.encode(segment));
        }
        return new SkillFile(uri.toString(), path, MediaTypes.of(path.substring(path.lastIndexOf('/') + 1)), bytes,
                digest(bytes));
    }

    /** {@code sha256:} and the SHA-256 of the bytes in lowercase hexadecimal, as SEP-2640 writes digests. */
    public static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The skill folder a file lies in: the deepest folder above it with a SKILL.md, or {@code null}. */
    private static String owner(String path, Map<String, FoundFile> manifests) {
        for (String folder = parent(path);; folder = parent(folder)) {
            if (manifests.containsKey(folder)) {
                return folder;
            }
            if (folder.isEmpty()) {
                return null;
            }
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String where(FoundFile manifest) {
        return "Invalid skill META-INF/skills/" + manifest.path() + " in " + manifest.source();
    }
}
