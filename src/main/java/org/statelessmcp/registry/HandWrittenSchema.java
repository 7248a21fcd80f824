package org.statelessmcp.registry;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.schema.InvalidSchemaException;
import org.statelessmcp.schema.JsonSchema;

/**
 * The input schema a tool writes itself ({@code @Tool(inputSchema)}): read from the tool's classpath or inline,
 * checked as JSON Schema 2020-12 of type object, and matched with the method's parameters, all at deployment.
 */
final class HandWrittenSchema {

    private HandWrittenSchema() {
    }

    /**
     * @param owner the tool's class, from which a relative resource path is resolved
     * @param declared {@code @Tool(inputSchema)}: a resource path, or the schema itself when it starts with {@code {}
     * @param problems receives what is wrong, each naming where
     * @return the checked schema, or {@code null} when there were problems
     */
    static JsonSchema read(Class<?> owner, String declared, List<String> problems) {
        boolean inline = declared.strip().startsWith("{");
        String origin = inline ? "inputSchema" : "inputSchema '" + declared + "'";
        JsonValue parsed;
        try (InputStream resource = inline ? null : owner.getResourceAsStream(declared);
                Reader reader = inline ? new StringReader(declared)
                        : resource == null ? null : new InputStreamReader(resource, StandardCharsets.UTF_8)) {
            if (reader == null) {
                problems.add(origin + " is not a resource on the classpath, resolved from " + owner.getName()
                        + " (a path starting with '/' is from the classpath's root)");
                return null;
            }
            try (var json = JsonP.createReader(reader)) {
                parsed = json.readValue();
            }
        } catch (JsonException | IOException e) {
            problems.add(origin + " is not JSON: " + e.getMessage());
            return null;
        }
        if (!(parsed instanceof JsonObject document)) {
            problems.add(origin + " must be a JSON object, is " + parsed.getValueType());
            return null;
        }
        if (!(document.get("type") instanceof JsonString type && "object".equals(type.getString()))) {
            // MCP asks for an object schema: the arguments of a call are an object
            problems.add(origin + " must declare \"type\": \"object\"");
        }
        try {
            JsonSchema schema = JsonSchema.of(document);
            return problems.isEmpty() ? schema : null;
        } catch (InvalidSchemaException e) {
            e.problems().forEach(problem -> problems.add(origin + " at " + problem));
            return null;
        }
    }

    /**
     * What is wrong with the method's named parameters under a hand-written schema: each must be one of its
     * properties, and what {@code @ToolArg} would add to a derived schema must be written in this one.
     */
    static List<String> parameterProblems(JsonObject schema, List<ParameterSource> parameters, ToolArg[] toolArgs) {
        List<String> problems = new ArrayList<>();
        JsonObject properties = schema.get("properties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        for (ToolArg arg : toolArgs) {
            if (arg != null && (!arg.description().isEmpty() || !arg.header().isEmpty())) {
                problems.add("@ToolArg description and header are ignored with a hand-written inputSchema:"
                        + " write \"description\" and \"x-mcp-header\" in the schema's properties");
                break;
            }
        }
        for (ParameterSource parameter : parameters) {
            if (parameter instanceof ParameterSource.Argument argument && !properties.containsKey(argument.name())) {
                problems.add("parameter '" + argument.name() + "' is not one of the inputSchema's properties "
                        + properties.keySet());
            }
        }
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            JsonValue header = property.getValue() instanceof JsonObject o ? o.get(ParamHeaders.SCHEMA_KEYWORD) : null;
            if (header != null) {
                JsonObject propertySchema = property.getValue().asJsonObject();
                problems.addAll(header instanceof JsonString name
                        ? ParamHeaders.problems(property.getKey(), name.getString(), propertySchema)
                        : List.of("property '" + property.getKey() + "': " + ParamHeaders.SCHEMA_KEYWORD
                                + " must be a string"));
            }
        }
        return problems;
    }
}
