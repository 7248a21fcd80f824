package org.statelessmcp.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.TreeMap;

/**
 * JSON as one canonical text: object members sorted by name, numbers in one notation ({@code 1}, {@code 1.0} and
 * {@code 1E+0} alike), strings as JSON writes them. Two values share a text exactly when they are equal as JSON
 * Schema compares them, which is what a digest of a call's arguments and {@code uniqueItems} both need.
 *
 * <p>Example: {@code {"b":[1.50],"a":true}} and {@code {"a":true,"b":[15e-1]}} are both {@code {"a":true,"b":[1.5,],}}.
 */
public final class CanonicalJson {

    /** Numbers whose exponent is within this are written out plainly; others in scientific notation, not in digits. */
    private static final int PLAIN_SCALE = 1000;

    private CanonicalJson() {
    }

    /** The canonical text of {@code value}. */
    public static String of(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    /** Appends the canonical text of {@code value} to {@code out}. */
    public static void append(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject object) {
            out.append('{');
            new TreeMap<>(object).forEach((name, member) -> {
                out.append(JsonP.createValue(name)).append(':');
                append(member, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            array.forEach(item -> {
                append(item, out);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof JsonNumber number) {
            BigDecimal n = number.bigDecimalValue().stripTrailingZeros();
            out.append(Math.abs((long) n.scale()) <= PLAIN_SCALE ? n.toPlainString() : n.toString());
        } else {
            out.append(value);
        }
    }
}
