package org.statelessmcp.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statelessmcp.protocol.JsonP;

/**
 * Reads the list and map settings of the security configuration in both forms operators write: MicroProfile
 * Config's comma-separated list ({@code a,b} or {@code name=value,name=value}) and JSON ({@code ["a","b"]} or
 * {@code {"name":"value"}}), the form the Python stateless-mcp's
 * {@code SMCP_API_KEYS} used.
 */
final class SettingLists {

    private SettingLists() {
    }

    /** A JSON array's elements, or the comma- and newline-separated items of {@code text}, trimmed, blanks dropped. */
    static List<JsonValue> items(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("[")) {
            return List.copyOf(json(trimmed).asJsonArray());
        }
        List<JsonValue> items = new ArrayList<>();
        for (String item : trimmed.split("[,\\n]")) {
            String value = item.strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                items.add(JsonP.createValue(value));
            }
        }
        return items;
    }

    /**
     * {@code {"name": value}} JSON, or {@code name=value} items separated by commas or newlines. A name may repeat in
     * the comma form; its values are then joined with {@code |}.
     */
    static Map<String, String> pairs(String text, String setting) {
        String trimmed = text == null ? "" : text.strip();
        Map<String, String> pairs = new LinkedHashMap<>();
        if (trimmed.startsWith("{")) {
            JsonObject object = json(trimmed).asJsonObject();
            object.forEach((name, value) -> pairs.put(name.strip(), switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case ARRAY -> String.join("|", ((JsonArray) value).getValuesAs(JsonString::getString));
                default -> throw new IllegalArgumentException(setting + ": the value of '" + name
                        + "' must be a string or a list of strings");
            }));
            return pairs;
        }
        for (JsonValue item : items(trimmed)) {
            String pair = ((JsonString) item).getString();
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException(setting + ": '" + pair + "' is not of the form name=value");
            }
            pairs.merge(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip(),
                    (first, second) -> first + '|' + second);
        }
        return pairs;
    }

    /** The items of a {@code a|b|c} value (or {@code a b c}), blanks dropped. */
    static List<String> alternatives(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split("[|\\s]+")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static JsonValue json(String text) {
        try (var reader = JsonP.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            // the message may quote the text, which may be a key: say where, not what
            throw new IllegalArgumentException("is not valid JSON");
        }
    }
}
