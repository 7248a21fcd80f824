package org.statelessmcp.skills;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.statelessmcp.protocol.JsonP;

/**
 * Reads the YAML frontmatter of a {@code SKILL.md} into the JSON object that {@code skills/list} carries verbatim.
 * The block is found as MCP clients find it (a first line {@code ---}, up to the next line {@code ---}) and read with
 * YAML 1.2's core schema, as JavaScript clients read it, so that a client comparing the file with the listing finds
 * the same values: {@code 2026-01-01} stays a string, {@code yes} stays a string, {@code 1.5} is a number.
 */
public final class Frontmatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---\\r?\\n([\\s\\S]*?)\\r?\\n---[ \\t]*(?:\\r?\\n|\\z)");

    private Frontmatter() {
    }

    /** Why a frontmatter cannot be served. */
    public static final class InvalidFrontmatterException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidFrontmatterException(String message) {
            super(message);
        }
    }

    /**
     * @param text the whole {@code SKILL.md}
     * @return its frontmatter as a JSON object
     */
    public static JsonObject parse(String text) throws InvalidFrontmatterException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher block = BLOCK.matcher(body);
        if (!block.find()) {
            throw new InvalidFrontmatterException("does not begin with YAML frontmatter between two '---' lines");
        }
        // no duplicate keys: a client's parser would keep one of the two, and which one is not ours to guess
        Load yaml = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false)
                .setLabel("frontmatter").build());
        Object value;
        try {
            value = yaml.loadFromString(block.group(1));
        } catch (YamlEngineException e) {
            throw new InvalidFrontmatterException("frontmatter is not valid YAML: "
                    + e.getMessage().replace('\n', ' '));
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidFrontmatterException("frontmatter must be a YAML mapping");
        }
        return object(map, "frontmatter");
    }

    private static JsonObject object(Map<?, ?> map, String where) throws InvalidFrontmatterException {
        JsonObjectBuilder object = JsonP.createObjectBuilder();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new InvalidFrontmatterException(where + " has a key that is not a string: " + entry.getKey());
            }
            object.add(key, json(entry.getValue(), where + "." + key));
        }
        return object.build();
    }

    private static JsonValue json(Object value, String where) throws InvalidFrontmatterException {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return JsonP.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JsonP.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JsonP.createValue(big);
        }
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                throw new InvalidFrontmatterException(where + " is " + number + ", which JSON cannot carry");
            }
            return JsonP.createValue(number);
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, where);
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JsonP.createArrayBuilder();
            for (int i = 0; i < list.size(); i++) {
                array.add(json(list.get(i), where + "[" + i + "]"));
            }
            return array.build();
        }
        throw new InvalidFrontmatterException(where + " is a YAML " + value.getClass().getSimpleName()
                + ", which JSON cannot carry");
    }
}
