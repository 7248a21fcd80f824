package org.statelessmcp.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statelessmcp.protocol.CanonicalJson;

/**
 * The keywords that look at one value alone: {@code type}, {@code enum}, {@code const}, numeric limits, string
 * limits and {@code pattern}, array and object sizes, {@code uniqueItems}, {@code required},
 * {@code dependentRequired}. Each adds its failure to {@code errors}, worded as {@link Evaluator} words them.
 */
final class Assertions {

    private Assertions() {
    }

    static void check(JsonObject schema, JsonValue value, String path, PatternBudget patterns,
                      List<String> errors) {
        String where = Evaluator.where(path);
        JsonValue type = schema.get("type");
        if (type != null) {
            List<String> types = type instanceof JsonArray list
                    ? list.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                    : List.of(((JsonString) type).getString());
            if (types.stream().noneMatch(t -> JsonValues.isOfType(value, t))) {
                errors.add(where + " must be " + String.join(" or ", types.stream().map(Assertions::article)
                        .toList()) + ", got " + JsonValues.describe(value));
                return; // the other keywords' failures would only repeat this one
            }
        }
        if (schema.get("enum") instanceof JsonArray options
                && options.stream().noneMatch(option -> JsonValues.equal(option, value))) {
            errors.add(where + " must be one of " + JsonValues.abbreviate(options.toString()) + ", got "
                    + JsonValues.describe(value));
        }
        JsonValue constant = schema.get("const");
        if (constant != null && !JsonValues.equal(constant, value)) {
            errors.add(where + " must be " + JsonValues.abbreviate(constant.toString()) + ", got "
                    + JsonValues.describe(value));
        }
        if (value instanceof JsonNumber number) {
            number(schema, number.bigDecimalValue(), where, errors);
        } else if (value instanceof JsonString string) {
            string(schema, string.getString(), where, patterns, errors);
        } else if (value instanceof JsonArray array) {
            count(schema, "minItems", "maxItems", array.size(), where, "items", errors);
            if (schema.getBoolean("uniqueItems", false)) {
                // by canonical form, not pair by pair: a client's array of a million items is then no hour's work
                Map<String, Integer> seen = new HashMap<>();
                for (int i = 0; i < array.size(); i++) {
                    Integer first = seen.putIfAbsent(CanonicalJson.of(array.get(i)), i);
                    if (first != null) {
                        errors.add(where + " must have unique items: items " + first + " and " + i + " are equal");
                        return;
                    }
                }
            }
        } else if (value instanceof JsonObject object) {
            object(schema, object, path, errors);
        }
    }

    private static void number(JsonObject schema, BigDecimal n, String where, List<String> errors) {
        limit(schema, "minimum", n, c -> c >= 0, " must be at least ", where, errors);
        limit(schema, "maximum", n, c -> c <= 0, " must be at most ", where, errors);
        limit(schema, "exclusiveMinimum", n, c -> c > 0, " must be greater than ", where, errors);
        limit(schema, "exclusiveMaximum", n, c -> c < 0, " must be less than ", where, errors);
        if (schema.get("multipleOf") instanceof JsonNumber factor) {
            BigDecimal f = factor.bigDecimalValue();
            // a remainder of an exponent in the thousands costs digits by the thousand: refuse rather than compute
            if (Math.abs((long) n.scale() - n.precision()) > 1000 || Math.abs((long) f.scale()) > 1000) {
                errors.add(where + " is too large or too fine to check against multipleOf " + factor);
            } else if (n.remainder(f).signum() != 0) {
                errors.add(where + " must be a multiple of " + factor + ", got the number "
                        + JsonValues.abbreviate(n.toString()));
            }
        }
    }

    private static void limit(JsonObject schema, String keyword, BigDecimal n, java.util.function.IntPredicate ok,
                              String wording, String where, List<String> errors) {
        if (schema.get(keyword) instanceof JsonNumber bound && !ok.test(n.compareTo(bound.bigDecimalValue()))) {
            errors.add(where + wording + bound + ", got the number " + JsonValues.abbreviate(n.toString()));
        }
    }

    private static void string(JsonObject schema, String s, String where, PatternBudget patterns,
                               List<String> errors) {
        // a string's length is its number of Unicode code points, not of UTF-16 units
        count(schema, "minLength", "maxLength", s.codePointCount(0, s.length()), where, "characters", errors);
        if (schema.get("pattern") instanceof JsonString pattern) {
            try {
                if (!patterns.find(pattern.getString(), s)) {
                    errors.add(where + " must match the pattern " + pattern.getString());
                }
            } catch (PatternBudget.Exhausted e) {
                errors.add(where + " is too costly to match against the pattern " + pattern.getString());
            }
        }
    }

    private static void object(JsonObject schema, JsonObject object, String path, List<String> errors) {
        String where = Evaluator.where(path);
        count(schema, "minProperties", "maxProperties", object.size(), where, "properties", errors);
        if (schema.get("required") instanceof JsonArray required) {
            for (JsonString name : required.getValuesAs(JsonString.class)) {
                if (!object.containsKey(name.getString())) {
                    errors.add(missing(path, name.getString()));
                }
            }
        }
        if (schema.get("dependentRequired") instanceof JsonObject dependencies) {
            for (var dependency : dependencies.entrySet()) {
                if (object.containsKey(dependency.getKey())) {
                    for (JsonString name : dependency.getValue().asJsonArray().getValuesAs(JsonString.class)) {
                        if (!object.containsKey(name.getString())) {
                            errors.add(missing(path, name.getString()) + " (needed with '" + dependency.getKey()
                                    + "')");
                        }
                    }
                }
            }
        }
    }

    static String missing(String path, String name) {
        return path.isEmpty() ? "missing required argument '" + name + "'"
                : "'" + path + "' is missing required property '" + name + "'";
    }

    private static void count(JsonObject schema, String min, String max, int size, String where, String unit,
                              List<String> errors) {
        if (schema.get(min) instanceof JsonNumber low
                && low.bigDecimalValue().compareTo(BigDecimal.valueOf(size)) > 0) {
            errors.add(where + " must have at least " + low + " " + unit + ", has " + size);
        }
        if (schema.get(max) instanceof JsonNumber high
                && high.bigDecimalValue().compareTo(BigDecimal.valueOf(size)) < 0) {
            errors.add(where + " must have at most " + high + " " + unit + ", has " + size);
        }
    }

    private static String article(String type) {
        return switch (type) {
            case "null" -> "null";
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }
}
