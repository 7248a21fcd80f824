package org.statelessmcp.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statelessmcp.protocol.JsonP;

/**
 * Validates one instance against a checked schema: the applicators ({@code $ref}, {@code allOf}, {@code anyOf},
 * {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else}, {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, {@code propertyNames}, {@code dependentSchemas},
 * {@code prefixItems}, {@code items}, {@code contains}) here, the rest in {@link Assertions}.
 */
final class Evaluator {

    /** References followed without the instance getting any deeper: more means the schema loops. */
    private static final int MAX_REFS = 64;

    private final JsonObject root;
    private final SchemaCheck.Found found;
    private final PatternBudget patterns;

    /** For one validation: its patterns share one budget. */
    Evaluator(JsonObject root, SchemaCheck.Found found) {
        this.root = root;
        this.found = found;
        this.patterns = new PatternBudget(found.patterns());
    }

    /** The errors of {@code value}, the first {@link ErrorList#KEPT} of them kept, the rest counted. */
    List<String> errors(JsonValue schema, JsonValue value, String path) {
        ErrorList errors = new ErrorList();
        evaluate(schema, value, path, 0, errors);
        return errors.summary();
    }

    /** How a message names the value at {@code path}. */
    static String where(String path) {
        return path.isEmpty() ? "the arguments" : "'" + path + "'";
    }

    private void evaluate(JsonValue schema, JsonValue value, String path, int refs, List<String> errors) {
        if (schema.getValueType() == JsonValue.ValueType.TRUE) {
            return;
        }
        if (!(schema instanceof JsonObject object)) {
            errors.add(path.isEmpty() ? "no arguments are accepted" : where(path) + " is not allowed");
            return;
        }
        if (refs > MAX_REFS) {
            errors.add(where(path) + " cannot be validated: the schema's references loop");
            return;
        }
        if (object.get("$ref") instanceof JsonString ref) {
            String target = ref.getString();
            evaluate(target.startsWith("#/") || "#".equals(target) ? Pointers.resolve(root, target)
                    : found.anchors().get(target.substring(1)), value, path, refs + 1, errors);
        }
        Assertions.check(object, value, path, patterns, errors);
        combinations(object, value, path, refs, errors);
        if (value instanceof JsonObject instance) {
            properties(object, instance, path, refs, errors);
        } else if (value instanceof JsonArray instance) {
            items(object, instance, path, refs, errors);
        }
    }

    private void combinations(JsonObject schema, JsonValue value, String path, int refs, List<String> errors) {
        if (schema.get("allOf") instanceof JsonArray all) {
            all.forEach(each -> evaluate(each, value, path, refs, errors));
        }
        if (schema.get("anyOf") instanceof JsonArray any) {
            List<String> failures = new ArrayList<>();
            for (JsonValue each : any) {
                List<String> own = errors(each, value, path, refs);
                if (own.isEmpty()) {
                    failures = null;
                    break;
                }
                failures.add(String.join(" and ", own));
            }
            if (failures != null) {
                errors.add(where(path) + " must match one of anyOf's schemas: " + String.join(" | ", failures));
            }
        }
        if (schema.get("oneOf") instanceof JsonArray one) {
            List<String> failures = new ArrayList<>();
            int matched = 0;
            for (JsonValue each : one) {
                List<String> own = errors(each, value, path, refs);
                matched += own.isEmpty() ? 1 : 0;
                failures.add(String.join(" and ", own));
            }
            if (matched == 0) {
                errors.add(where(path) + " must match one of oneOf's schemas: " + String.join(" | ", failures));
            } else if (matched > 1) {
                errors.add(where(path) + " must match exactly one of oneOf's schemas, matches " + matched);
            }
        }
        JsonValue not = schema.get("not");
        if (not != null && errors(not, value, path, refs).isEmpty()) {
            errors.add(where(path) + " must not match the schema of 'not'");
        }
        JsonValue condition = schema.get("if");
        if (condition != null) {
            boolean holds = errors(condition, value, path, refs).isEmpty();
            JsonValue branch = schema.get(holds ? "then" : "else");
            if (branch != null) {
                errors(branch, value, path, refs).forEach(e -> errors.add(e + (holds ? " (if/then)" : " (if/else)")));
            }
        }
    }

    private List<String> errors(JsonValue schema, JsonValue value, String path, int refs) {
        List<String> errors = new ErrorList();
        evaluate(schema, value, path, refs, errors);
        return errors;
    }

    private void properties(JsonObject schema, JsonObject instance, String path, int refs, List<String> errors) {
        JsonObject properties = schema.get("properties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject patterns = schema.get("patternProperties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonValue> property : instance.entrySet()) {
            String name = property.getKey();
            String at = path.isEmpty() ? name : path + '.' + name;
            boolean matched = false;
            JsonValue own = properties.get(name);
            if (own != null) {
                matched = true;
                evaluate(own, property.getValue(), at, 0, errors);
            }
            for (Map.Entry<String, JsonValue> pattern : patterns.entrySet()) {
                try {
                    if (this.patterns.find(pattern.getKey(), name)) {
                        matched = true;
                        evaluate(pattern.getValue(), property.getValue(), at, 0, errors);
                    }
                } catch (PatternBudget.Exhausted e) {
                    matched = true;
                    errors.add("the name of " + where(at) + " is too costly to match against the pattern "
                            + pattern.getKey());
                }
            }
            if (!matched && additional != null) {
                if (additional.getValueType() == JsonValue.ValueType.FALSE) {
                    errors.add(path.isEmpty() ? "unknown argument '" + name + "'"
                            : where(path) + " has no property '" + name + "'");
                } else {
                    evaluate(additional, property.getValue(), at, 0, errors);
                }
            }
            JsonValue names = schema.get("propertyNames");
            if (names != null) {
                errors(names, JsonP.createValue(name), at, 0)
                        .forEach(e -> errors.add("the name of " + e));
            }
        }
        if (schema.get("dependentSchemas") instanceof JsonObject dependencies) {
            for (Map.Entry<String, JsonValue> dependency : dependencies.entrySet()) {
                if (instance.containsKey(dependency.getKey())) {
                    evaluate(dependency.getValue(), instance, path, refs, errors);
                }
            }
        }
    }

    private void items(JsonObject schema, JsonArray instance, String path, int refs, List<String> errors) {
        int prefix = 0;
        if (schema.get("prefixItems") instanceof JsonArray prefixItems) {
            prefix = Math.min(prefixItems.size(), instance.size());
            for (int i = 0; i < prefix; i++) {
                evaluate(prefixItems.get(i), instance.get(i), path + '[' + i + ']', 0, errors);
            }
        }
        JsonValue items = schema.get("items");
        if (items != null) {
            for (int i = prefix; i < instance.size(); i++) {
                evaluate(items, instance.get(i), path + '[' + i + ']', 0, errors);
            }
        }
        JsonValue contains = schema.get("contains");
        if (contains != null) {
            long matches = instance.stream().filter(item -> errors(contains, item, path, 0).isEmpty()).count();
            long min = schema.get("minContains") instanceof JsonNumber n ? n.longValue() : 1;
            if (matches < min) {
                errors.add(where(path) + " must contain at least " + min + " item(s) matching 'contains', has "
                        + matches);
            }
            if (schema.get("maxContains") instanceof JsonNumber max && matches > max.longValue()) {
                errors.add(where(path) + " must contain at most " + max + " item(s) matching 'contains', has "
                        + matches);
            }
        }
    }
}
