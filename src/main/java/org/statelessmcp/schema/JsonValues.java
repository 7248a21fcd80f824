package org.statelessmcp.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** JSON equality and types as JSON Schema defines them: {@code 1} equals {@code 1.0}, and both are integers. */
public final class JsonValues {

    private JsonValues() {
    }

    static boolean equal(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        if (a instanceof JsonArray x && b instanceof JsonArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JsonObject x && b instanceof JsonObject y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> equal(x.get(k), y.get(k)));
        }
        return a.getValueType() == b.getValueType() && a.equals(b);
    }

    /** Whether {@code value} is of JSON Schema type {@code type}. */
    static boolean isOfType(JsonValue value, String type) {
        return switch (type) {
            case "null" -> value.getValueType() == JsonValue.ValueType.NULL;
            case "boolean" -> value.getValueType() == JsonValue.ValueType.TRUE
                    || value.getValueType() == JsonValue.ValueType.FALSE;
            case "object" -> value instanceof JsonObject;
            case "array" -> value instanceof JsonArray;
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "number" -> value instanceof JsonNumber;
            // 2020-12: a number with a zero fractional part is an integer, whatever its notation
            case "integer" -> value instanceof JsonNumber n && (n.isIntegral()
                    || n.bigDecimalValue().stripTrailingZeros().scale() <= 0);
            default -> false;
        };
    }

    /** The kind of a value, never its content: a string argument may be a secret. */
    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "the number " + abbreviate(value.toString());
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
