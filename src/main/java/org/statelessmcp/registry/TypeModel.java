package org.statelessmcp.registry;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;

/**
 * What a Java parameter type accepts on the wire: its JSON Schema, how a JSON value is checked against it, and how
 * the value becomes the Java argument. Built once per parameter at deployment by {@link TypeModels}; no reflection
 * decisions are left for call time.
 *
 * <p>Scalars are converted directly. Structured values (records, collections, maps) are checked here first, so
 * that a mistake is reported with its path ({@code 'order.lines[0].quantity' must be an integer}), and then bound
 * by JSON-B.
 */
public interface TypeModel {

    /** The JSON Schema (2020-12 vocabulary) of the accepted values. */
    JsonObject schema();

    /**
     * Checks {@code value} and converts it.
     *
     * @param value a JSON value, never Java {@code null} ({@link JsonValue#NULL} for JSON null)
     * @param path where the value sits in the arguments, for error messages ({@code "point.x"}, {@code "items[2]"})
     * @param jsonb binds structured values once they are checked
     * @throws InvalidArgumentException naming {@code path} and what was expected
     */
    Object bind(JsonValue value, String path, Jsonb jsonb);

    /**
     * Checks {@code value} without converting it. The default converts and discards, which suits scalars, whose
     * conversion needs no JSON-B.
     *
     * @throws InvalidArgumentException naming {@code path} and what was expected
     */
    default void validate(JsonValue value, String path) {
        bind(value, path, null);
    }

    /** The value of a missing optional argument: {@code null}, {@code Optional.empty()} or a primitive zero. */
    default Object absent() {
        return null;
    }

    /** A short phrase for messages, such as "an integer" or "an object". */
    String expected();
}
