package org.statelessmcp.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a schema once, before any instance meets it: every keyword the validator asserts has a value of the shape
 * the specification gives it, every {@code $ref} resolves inside the document, and nothing is present whose meaning
 * the validator would silently miss. Finds the {@code $anchor}s on the way.
 */
final class SchemaCheck {

    static final String DIALECT = JsonSchema.DIALECT;

    private static final Set<String> TYPES = Set.of("null", "boolean", "object", "array", "number", "string",
            "integer");
    private static final Set<String> SCHEMA = Set.of("not", "if", "then", "else", "items", "contains",
            "additionalProperties", "propertyNames");
    private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "dependentSchemas",
            "$defs", "definitions");
    private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> COUNTS = Set.of("maxLength", "minLength", "maxItems", "minItems",
            "maxContains", "minContains", "maxProperties", "minProperties");
    private static final Set<String> NUMBERS = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");
    // known keywords whose meaning needs dynamic scopes or annotation collection, which this validator has not
    private static final Set<String> UNSUPPORTED = Set.of("$dynamicRef", "$dynamicAnchor", "$recursiveRef",
            "$recursiveAnchor", "unevaluatedProperties", "unevaluatedItems");
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z_][-A-Za-z0-9._]*");

    private final JsonObject root;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, JsonValue> anchors = new HashMap<>();
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, String> refs = new HashMap<>();
    private final Set<JsonValue> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private SchemaCheck(JsonObject root) {
        this.root = root;
    }

    /**
     * What validation needs besides the document, found while checking it.
     *
     * @param anchors the schema of each {@code $anchor}, by name
     * @param patterns each {@code pattern} and {@code patternProperties} name, compiled once
     */
    record Found(Map<String, JsonValue> anchors, Map<String, Pattern> patterns) {
    }

    static Found check(JsonObject root) throws InvalidSchemaException {
        SchemaCheck check = new SchemaCheck(root);
        JsonValue dialect = root.get("$schema");
        if (dialect != null && !(dialect instanceof JsonString name
                && (DIALECT.equals(name.getString()) || (DIALECT + '#').equals(name.getString())))) {
            check.problems.add("#/$schema: must be " + DIALECT + " (the only dialect the server validates), is "
                    + dialect);
        }
        check.schema(root, "#", true);
        check.resolveRefs();
        if (!check.problems.isEmpty()) {
            throw new InvalidSchemaException(check.problems);
        }
        return new Found(Map.copyOf(check.anchors), Map.copyOf(check.patterns));
    }

    private void schema(JsonValue schema, String at, boolean isRoot) {
        if (schema.getValueType() == JsonValue.ValueType.TRUE || schema.getValueType() == JsonValue.ValueType.FALSE) {
            return;
        }
        if (!(schema instanceof JsonObject object)) {
            problems.add(at + ": a schema must be an object or a boolean, is " + schema.getValueType());
            return;
        }
        if (!visited.add(schema)) {
            return;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if ("$anchor".equals(entry.getKey())) {
                anchor(entry.getValue(), object, at + "/$anchor");
            } else {
                keyword(entry.getKey(), entry.getValue(), at + '/' + escape(entry.getKey()), isRoot);
            }
        }
    }

    private void keyword(String name, JsonValue value, String at, boolean isRoot) {
        if (SCHEMA.contains(name)) {
            schema(value, at, false);
        } else if (SCHEMA_MAP.contains(name)) {
            if (!(value instanceof JsonObject map)) {
                problems.add(at + ": must be an object of schemas");
                return;
            }
            for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
                if ("patternProperties".equals(name)) {
                    regex(entry.getKey(), at + '/' + escape(entry.getKey()));
                }
                schema(entry.getValue(), at + '/' + escape(entry.getKey()), false);
            }
        } else if (SCHEMA_LIST.contains(name)) {
            if (!(value instanceof JsonArray list) || list.isEmpty()) {
                problems.add(at + ": must be a non-empty array of schemas");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                schema(list.get(i), at + '/' + i, false);
            }
        } else if (COUNTS.contains(name)) {
            if (!(value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().signum() >= 0)) {
                problems.add(at + ": must be a non-negative integer");
            }
        } else if (NUMBERS.contains(name)) {
            if (!(value instanceof JsonNumber)) {
                problems.add(at + ": must be a number");
            }
        } else if (UNSUPPORTED.contains(name)) {
            problems.add(at + ": '" + name + "' is not supported by the server's validator");
        } else {
            simple(name, value, at, isRoot);
        }
    }

    private void simple(String name, JsonValue value, String at, boolean isRoot) {
        switch (name) {
            case "type" -> {
                if (value instanceof JsonArray list ? list.isEmpty() || !uniqueStrings(list)
                        || !list.getValuesAs(JsonString.class).stream().allMatch(t -> TYPES.contains(t.getString()))
                        : !(value instanceof JsonString type && TYPES.contains(type.getString()))) {
                    problems.add(at + ": must be one of " + TYPES + " or a non-empty array of them");
                }
            }
            case "enum" -> {
                if (!(value instanceof JsonArray)) {
                    problems.add(at + ": must be an array");
                }
            }
            case "multipleOf" -> {
                if (!(value instanceof JsonNumber n && n.bigDecimalValue().signum() > 0)) {
                    problems.add(at + ": must be a number greater than 0");
                }
            }
            case "pattern" -> {
                if (value instanceof JsonString pattern) {
                    regex(pattern.getString(), at);
                } else {
                    problems.add(at + ": must be a string");
                }
            }
            case "uniqueItems" -> {
                if (value.getValueType() != JsonValue.ValueType.TRUE
                        && value.getValueType() != JsonValue.ValueType.FALSE) {
                    problems.add(at + ": must be a boolean");
                }
            }
            case "required" -> {
                if (!(value instanceof JsonArray list && uniqueStrings(list))) {
                    problems.add(at + ": must be an array of distinct strings");
                }
            }
            case "dependentRequired" -> {
                if (!(value instanceof JsonObject map && map.values().stream()
                        .allMatch(v -> v instanceof JsonArray list && uniqueStrings(list)))) {
                    problems.add(at + ": must be an object of arrays of distinct strings");
                }
            }
            case "$ref" -> {
                if (value instanceof JsonString ref) {
                    refs.put(at, ref.getString());
                } else {
                    problems.add(at + ": must be a string");
                }
            }
            case "$schema" -> {
                if (!isRoot) {
                    problems.add(at + ": only the root may declare $schema");
                }
            }
            case "$id" -> {
                if (!isRoot) {
                    // an embedded resource would change what its references are relative to
                    problems.add(at + ": $id in a subschema is not supported: keep one schema resource");
                }
            }
            default -> {
                // an annotation (title, description, default, format...) or a keyword unknown to 2020-12: ignored
            }
        }
    }

    private void anchor(JsonValue value, JsonObject schema, String at) {
        if (!(value instanceof JsonString anchor && ANCHOR.matcher(anchor.getString()).matches())) {
            problems.add(at + ": must be a name matching " + ANCHOR.pattern());
        } else if (anchors.containsKey(anchor.getString())) {
            problems.add(at + ": anchor '" + anchor.getString() + "' is declared twice");
        } else {
            anchors.put(anchor.getString(), schema);
        }
    }

    private void resolveRefs() {
        for (Map.Entry<String, String> ref : refs.entrySet()) {
            String target = ref.getValue();
            JsonValue schema = target.startsWith("#/") || "#".equals(target) ? Pointers.resolve(root, target)
                    : target.startsWith("#") ? anchors.get(target.substring(1)) : null;
            if (!target.startsWith("#")) {
                problems.add(ref.getKey() + ": '" + target + "' is not a reference within this schema: the server"
                        + " resolves '#', '#/json/pointer' and '#anchor' only, and fetches nothing");
            } else if (schema == null) {
                problems.add(ref.getKey() + ": '" + target + "' resolves to nothing in this schema");
            } else {
                // a target reached only by reference (say under "definitions") is checked too
                schema(schema, target.startsWith("#/") ? target : ref.getKey(), false);
            }
        }
    }

    private void regex(String pattern, String at) {
        try {
            patterns.put(pattern, Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            problems.add(at + ": '" + pattern + "' is not a regular expression (" + e.getDescription() + ")");
        }
    }

    private static boolean uniqueStrings(JsonArray list) {
        Set<String> seen = new HashSet<>();
        return list.stream().allMatch(v -> v instanceof JsonString s && seen.add(s.getString()));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
