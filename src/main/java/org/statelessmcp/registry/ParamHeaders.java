package org.statelessmcp.registry;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tool arguments mirrored into HTTP headers (MCP 2026-07-28, {@code x-mcp-header}): which arguments may be, and which
 * a tool's input schema says are. A client sends each as {@code Mcp-Param-<name>}.
 */
public final class ParamHeaders {

    /** The input-schema keyword that names an argument's header. */
    public static final String SCHEMA_KEYWORD = "x-mcp-header";
    /** What precedes the name in the header a client sends. */
    public static final String HEADER_PREFIX = "Mcp-Param-";

    /** RFC 9110's token: the characters a header name may have. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean");

    /**
     * One mirrored argument.
     *
     * @param header the name after {@code Mcp-Param-}
     * @param argument the argument's name in {@code arguments}
     * @param type its JSON Schema type: {@code string}, {@code integer} or {@code boolean}
     */
    public record ParamHeader(String header, String argument, String type) {
    }

    private ParamHeaders() {
    }

    /** What is wrong with mirroring argument {@code argument}, whose schema is {@code schema}, into {@code header}. */
    static List<String> problems(String argument, String header, JsonObject schema) {
        List<String> problems = new ArrayList<>();
        if (!TOKEN.matcher(header).matches()) {
            problems.add("parameter '" + argument + "': header '" + header + "' is not a valid HTTP header name");
        }
        if (!(schema.get("type") instanceof JsonString type && TYPES.contains(type.getString()))) {
            problems.add("parameter '" + argument + "' is mirrored into header '" + header
                    + "' but is not a string, integer or boolean");
        }
        return problems;
    }

    /** The arguments {@code inputSchema} mirrors into headers, in the order of its properties. */
    public static List<ParamHeader> of(JsonObject inputSchema) {
        List<ParamHeader> headers = new ArrayList<>();
        if (inputSchema.get("properties") instanceof JsonObject properties) {
            for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                if (property.getValue() instanceof JsonObject schema
                        && schema.get(SCHEMA_KEYWORD) instanceof JsonString header
                        && schema.get("type") instanceof JsonString type) {
                    headers.add(new ParamHeader(header.getString(), property.getKey(), type.getString()));
                }
            }
        }
        return List.copyOf(headers);
    }
}
