package org.statelessmcp.mcp;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.skills.Skill;
import org.statelessmcp.skills.SkillCatalog;
import org.statelessmcp.skills.SkillFile;

/**
 * MCP's skills extension ({@code io.modelcontextprotocol/skills}, SEP-2640) over the deployment's
 * {@link SkillCatalog}: {@code skills/list}, {@code skills/get}, {@code resources/directory/read}, and the
 * {@code skill://} resources that {@code resources/list} and {@code resources/read} serve. Every answer but a file's
 * contents is rendered once: skills never change while the deployment lasts.
 */
final class Skills {

    static final String EXTENSION = "io.modelcontextprotocol/skills";

    private final SkillCatalog catalog;
    private final PagedList list;
    private final Map<String, String> entries = new HashMap<>();
    private final Map<String, PagedList> directories = new HashMap<>();

    Skills(SkillCatalog catalog, int pageSize) {
        this.catalog = catalog;
        List<JsonObject> listed = catalog.skills().stream().map(Skills::entry).toList();
        this.list = new PagedList("skills", listed, pageSize);
        listed.forEach(entry -> entries.put(entry.getString("uri"),
                JsonP.createObjectBuilder().add("skill", entry).build().toString()));
        for (String directory : catalog.directoryUris()) {
            directories.put(directory, new PagedList("resources", catalog.directory(directory).stream()
                    .map(Skills::child).toList(), pageSize));
        }
    }

    boolean any() {
        return !catalog.isEmpty();
    }

    /** The extension's settings in {@code server/discover}: every skill folder can be listed. */
    void advertise(JsonObjectBuilder extensions) {
        if (any()) {
            extensions.add(EXTENSION, JsonP.createObjectBuilder().add("directoryRead", true));
        }
    }

    /**
     * What {@code resources/list} shows of the skills: each {@code SKILL.md}, named and described by its
     * frontmatter. A skill's other files are read by the URIs its entry lists, not listed one by one.
     */
    List<JsonObject> resources() {
        return catalog.skills().stream().map(skill -> JsonP.createObjectBuilder().add("uri", skill.uri())
                .add("name", skill.name()).add("description", skill.description())
                .add("mimeType", skill.files().get(0).mimeType()).add("size", skill.files().get(0).size())
                .build()).toList();
    }

    /** Answers the extension's methods, which a deployment without skills does not have. */
    PendingAnswer answer(McpMethod method, JsonObject params) {
        if (!any()) {
            return PendingAnswer.error(JsonRpcError.methodNotFound(method.wireName()));
        }
        return switch (method) {
            case SKILLS_LIST -> list(params);
            case SKILLS_GET -> get(params);
            case RESOURCES_DIRECTORY_READ -> directory(params);
            default -> PendingAnswer.error(JsonRpcError.methodNotFound(method.wireName()));
        };
    }

    PendingAnswer list(JsonObject params) {
        return list.page(params);
    }

    PendingAnswer get(JsonObject params) {
        if (!(params.get("uri") instanceof JsonString uri)) {
            return PendingAnswer.error(JsonRpcError.invalidParams("skills/get needs the uri of a skill"));
        }
        String entry = entries.get(uri.getString());
        return entry == null ? PendingAnswer.error(JsonRpcError.invalidParams("no skill has the uri "
                + uri.getString())) : PendingAnswer.result(entry);
    }

    PendingAnswer directory(JsonObject params) {
        if (!(params.get("uri") instanceof JsonString uri)) {
            return PendingAnswer.error(JsonRpcError.invalidParams(
                    "resources/directory/read needs the uri of a directory"));
        }
        PagedList children = directories.get(uri.getString());
        return children == null ? PendingAnswer.error(JsonRpcError.invalidParams(uri.getString()
                + " is not a skill directory")) : children.page(params);
    }

    /** Whether {@code uri} names a skill file, which {@link #read} then serves. */
    boolean serves(String uri) {
        return uri != null && catalog.file(uri) != null;
    }

    /** The contents of the skill file that {@code uri} names; see {@link #serves}. */
    PendingAnswer read(String uri) {
        SkillFile file = catalog.file(uri);
        JsonObjectBuilder contents = JsonP.createObjectBuilder().add("uri", file.uri()).add("mimeType",
                file.mimeType());
        String text = file.text();
        if (text != null) {
            contents.add("text", text);
        } else {
            contents.add("blob", Base64.getEncoder().encodeToString(file.bytes()));
        }
        return PendingAnswer.result(JsonP.createObjectBuilder()
                .add("contents", JsonP.createArrayBuilder().add(contents)).build().toString());
    }

    private static JsonObject entry(Skill skill) {
        JsonArrayBuilder resources = JsonP.createArrayBuilder();
        for (SkillFile file : skill.files()) {
            resources.add(JsonP.createObjectBuilder().add("uri", file.uri()).add("digest", file.digest())
                    .add("size", file.size()));
        }
        return JsonP.createObjectBuilder().add("uri", skill.uri()).add("frontmatter", skill.frontmatter())
                .add("resources", resources).build();
    }

    private static JsonObject child(SkillCatalog.Child child) {
        JsonObjectBuilder described = JsonP.createObjectBuilder().add("uri", child.uri()).add("name", child.name());
        if (child.file() == null) {
            return described.add("mimeType", SkillCatalog.DIRECTORY_TYPE).build();
        }
        return described.add("mimeType", child.file().mimeType()).add("size", child.file().size()).build();
    }
}
