package org.statelessmcp.registry;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import org.statelessmcp.protocol.JsonP;

/** Models of the types that map to one JSON scalar. */
final class ScalarModels {

    private ScalarModels() {
    }

    /** byte, short, int, long (boxed or not) and BigInteger: a JSON number with no fractional part, in range. */
    record IntegerModel(String javaName, BigInteger min, BigInteger max, Function<BigInteger, Object> convert,
                        Object zero, JsonObject schema) implements TypeModel {

        static IntegerModel of(String javaName, long min, long max, Function<BigInteger, Object> convert, Object zero) {
            JsonObject schema = JsonP.createObjectBuilder().add("type", "integer")
                    .add("minimum", min).add("maximum", max).build();
            return new IntegerModel(javaName, BigInteger.valueOf(min), BigInteger.valueOf(max), convert, zero, schema);
        }

        static IntegerModel unbounded() {
            return new IntegerModel("BigInteger", null, null, v -> v, null,
                    JsonP.createObjectBuilder().add("type", "integer").build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (!(value instanceof JsonNumber number)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            BigDecimal decimal = number.bigDecimalValue();
            // judged by its digits before it is expanded: 1e99999999 or 1e-99999999 would be 10^99999999 to compute
            if (decimal.signum() != 0 && decimal.scale() >= decimal.precision()) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            if (min != null && decimal.signum() != 0 && (long) decimal.precision() - decimal.scale() > 19) {
                throw outOfRange(path, value);
            }
            BigInteger integer;
            try {
                integer = decimal.toBigIntegerExact();
            } catch (ArithmeticException notIntegral) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            if (min != null && (integer.compareTo(min) < 0 || integer.compareTo(max) > 0)) {
                throw outOfRange(path, value);
            }
            return convert.apply(integer);
        }

        private InvalidArgumentException outOfRange(String path, JsonValue value) {
            return new InvalidArgumentException("'" + path + "' must be " + expected() + " between " + min + " and "
                    + max + ", got " + InvalidArgumentException.describe(value));
        }

        @Override
        public Object absent() {
            return zero;
        }

        @Override
        public String expected() {
            return "an integer";
        }
    }

    /**
     * float, double (boxed or not) and BigDecimal: any JSON number, but one a float or double cannot hold (it would
     * reach the tool as infinity).
     */
    record DecimalModel(String javaName, Function<BigDecimal, Object> convert, Object zero,
                        JsonObject schema) implements TypeModel {

        static DecimalModel of(String javaName, Function<BigDecimal, Object> convert, Object zero) {
            return new DecimalModel(javaName, convert, zero,
                    JsonP.createObjectBuilder().add("type", "number").build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (!(value instanceof JsonNumber number)) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            Object converted = convert.apply(number.bigDecimalValue());
            if (converted instanceof Double d && d.isInfinite() || converted instanceof Float f && f.isInfinite()) {
                throw new InvalidArgumentException("'" + path + "' must be a number within the range of a "
                        + javaName + ", got " + InvalidArgumentException.describe(value));
            }
            return converted;
        }

        @Override
        public Object absent() {
            return zero;
        }

        @Override
        public String expected() {
            return "a number";
        }
    }

    /** boolean and Boolean. */
    record BooleanModel(Object zero, JsonObject schema) implements TypeModel {

        static BooleanModel of(boolean primitive) {
            return new BooleanModel(primitive ? Boolean.FALSE : null,
                    JsonP.createObjectBuilder().add("type", "boolean").build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (value.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (value.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw InvalidArgumentException.expected(path, this, value);
        }

        @Override
        public Object absent() {
            return zero;
        }

        @Override
        public String expected() {
            return "a boolean";
        }
    }

    /** String and CharSequence. */
    record StringModel(JsonObject schema) implements TypeModel {

        static StringModel of() {
            return new StringModel(JsonP.createObjectBuilder().add("type", "string").build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (value instanceof JsonString string) {
                return string.getString();
            }
            throw InvalidArgumentException.expected(path, this, value);
        }

        @Override
        public String expected() {
            return "a string";
        }
    }

    /** An enum: one of its constant names. */
    record EnumModel(Class<? extends Enum<?>> type, JsonObject schema) implements TypeModel {

        static EnumModel of(Class<? extends Enum<?>> type) {
            JsonArrayBuilder names = JsonP.createArrayBuilder();
            for (Enum<?> constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            return new EnumModel(type, JsonP.createObjectBuilder().add("type", "string").add("enum", names).build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (value instanceof JsonString string) {
                for (Enum<?> constant : type.getEnumConstants()) {
                    if (constant.name().equals(string.getString())) {
                        return constant;
                    }
                }
            }
            throw InvalidArgumentException.expected(path, this, value);
        }

        @Override
        public String expected() {
            return "one of " + schema.getJsonArray("enum");
        }
    }

    /** {@code jakarta.json.JsonValue} and its subtypes: passed through as parsed. */
    record JsonModel(Class<?> type, JsonValue.ValueType required, JsonObject schema) implements TypeModel {

        static JsonModel of(Class<?> type) {
            JsonValue.ValueType kind = jakarta.json.JsonObject.class.equals(type) ? JsonValue.ValueType.OBJECT
                    : jakarta.json.JsonArray.class.equals(type) ? JsonValue.ValueType.ARRAY
                    : JsonString.class.equals(type) ? JsonValue.ValueType.STRING
                    : JsonNumber.class.equals(type) ? JsonValue.ValueType.NUMBER
                    : null;
            var schema = JsonP.createObjectBuilder();
            if (kind != null) {
                schema.add("type", kind.name().toLowerCase(java.util.Locale.ROOT));
            }
            return new JsonModel(type, kind, schema.build());
        }

        @Override
        public Object bind(JsonValue value, String path, Jsonb jsonb) {
            if (required != null && value.getValueType() != required) {
                throw InvalidArgumentException.expected(path, this, value);
            }
            return value;
        }

        @Override
        public String expected() {
            return required == null ? "any JSON value" : "a JSON " + required.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
